/// A block of units' metric values copied row-major from the columns, so scoring a unit reads
/// one small block instead of one stream per metric. Metric `m` of unit `u` is at
/// `values[(u - start) * metricCount + m]`; `BulkData.missing` marks a missing value.
struct MetricTile {
    static let size = 512
    let metricCount: Int
    private(set) var start = 0
    let values: ScratchBuffer<Int64>

    init(metricCount: Int, capacity: Int = MetricTile.size) {
        self.metricCount = metricCount
        values = ScratchBuffer(repeating: 0, count: max(1, capacity * metricCount))
    }

    /// Copies units `start ..< end` (at most the capacity) in.
    mutating func load(_ columns: MetricColumns, _ start: Int, _ end: Int) {
        self.start = start
        let mc = metricCount
        for m in 0..<mc {
            if columns.isNarrow(m) {
                let column = columns.narrow[m]
                for u in start..<end {
                    let v = column[u]
                    values[(u - start) * mc + m] = v == Int32.min ? BulkData.missing : Int64(v)
                }
            } else {
                let column = columns.wide[m]
                for u in start..<end { values[(u - start) * mc + m] = column[u] }
            }
        }
    }

    /// Unit `u`'s values (a unit loaded last), one row.
    @inline(__always) func row(_ u: Int) -> Int { (u - start) * metricCount }
}
