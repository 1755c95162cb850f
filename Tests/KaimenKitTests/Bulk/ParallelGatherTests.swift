import Testing
@testable import KaimenKit

/// `Parallel.gather`: a column copied into another order, its positions split between threads.
@Suite("Parallel.gather: a column in another order")
struct ParallelGatherTests {
    @Test("every position holds the value of the unit the order names there, on one to three threads",
          arguments: [0, 1, 7, 4095, 4096, 10_001])
    func inOrder(count: Int) {
        // A fixed shuffle (multiplying by a number prime to the count), so the reads scatter.
        let order = (0..<count).map { ($0 &* 7919 &+ 3) % max(count, 1) }
        #expect(Set(order).count == count)
        let names = (0..<count).map { "单位\($0)" }
        for threads in 1...3 {
            let gathered = Parallel.gather(order, threads: threads) { names[$0] }
            #expect(gathered == order.map { names[$0] })
            let doubled = Parallel.gather(order, threads: threads) { Int64($0) * 2 }
            #expect(doubled == order.map { Int64($0) * 2 })
        }
    }

    @Test("an order may name a unit twice or leave one out: each position is read on its own")
    func repeats() {
        let order = [3, 3, 0, 2, 3]
        #expect(Parallel.gather(order, threads: 2) { ["a", "b", "c", "d"][$0] } == ["d", "d", "a", "c", "d"])
    }
}
