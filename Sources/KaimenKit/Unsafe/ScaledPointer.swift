extension ScaledColumn {
    /// A pointer for threads that write disjoint parts, valid during `body`.
    mutating func withPointer<R>(_ body: (ScaledPointer) throws -> R) rethrows -> R {
        if isNarrow {
            return try narrow.withUnsafeMutableBufferPointer { try body(ScaledPointer(narrow: $0.baseAddress ?? UnsafeMutablePointer(bitPattern: 4)!, wide: nil)) }
        }
        return try wide.withUnsafeMutableBufferPointer { try body(ScaledPointer(narrow: nil, wide: $0.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)) }
    }
}

/// Where a `ScaledColumn`'s values are, for writing them from several threads.
struct ScaledPointer: @unchecked Sendable {
    let narrow: UnsafeMutablePointer<Int32>?
    let wide: UnsafeMutablePointer<Int64>?

    /// A value the rules allow (`ScaledColumn.narrowFits`), so a narrow store cannot overflow.
    subscript(_ i: Int) -> Int64 {
        get { narrow.map { Int64($0[i]) } ?? wide![i] }
        nonmutating set {
            if let narrow { narrow[i] = Int32(newValue) } else { wide![i] = newValue }
        }
    }
}
