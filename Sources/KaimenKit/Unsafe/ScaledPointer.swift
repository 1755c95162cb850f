extension ScaledColumn {
    /// A pointer for threads that write disjoint parts, valid during `body`.
    mutating func withPointer<R>(_ body: (ScaledPointer) throws -> R) rethrows -> R {
        switch width {
        case .short:
            return try short.withUnsafeMutableBufferPointer { try body(ScaledPointer(short: $0.baseAddress ?? UnsafeMutablePointer(bitPattern: 2)!)) }
        case .narrow:
            return try narrow.withUnsafeMutableBufferPointer { try body(ScaledPointer(narrow: $0.baseAddress ?? UnsafeMutablePointer(bitPattern: 4)!)) }
        case .wide:
            return try wide.withUnsafeMutableBufferPointer { try body(ScaledPointer(wide: $0.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)) }
        }
    }
}

/// Where a `ScaledColumn`'s values are, for writing them from several threads.
struct ScaledPointer: @unchecked Sendable {
    private let short: UnsafeMutablePointer<Int16>?
    private let narrow: UnsafeMutablePointer<Int32>?
    private let wide: UnsafeMutablePointer<Int64>?

    init(short: UnsafeMutablePointer<Int16>) { (self.short, narrow, wide) = (short, nil, nil) }
    init(narrow: UnsafeMutablePointer<Int32>) { (short, self.narrow, wide) = (nil, narrow, nil) }
    init(wide: UnsafeMutablePointer<Int64>) { (short, narrow, self.wide) = (nil, nil, wide) }

    /// A value the rules allow (`ScaledColumn.width`), so a narrower store cannot overflow.
    subscript(_ i: Int) -> Int64 {
        get {
            if let short { return Int64(short[i]) }
            if let narrow { return Int64(narrow[i]) }
            return wide![i]
        }
        nonmutating set {
            if let short { short[i] = Int16(newValue) } else if let narrow { narrow[i] = Int32(newValue) } else { wide![i] = newValue }
        }
    }
}
