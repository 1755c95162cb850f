/// Large result columns, made for a caller that fills them.
enum LargeArray {
    /// `count` copies of `value`; with `filledLater`, a large array of a plain type is left as
    /// the kernel gives it, for a caller that writes every element before reading any (the bulk
    /// scorer, from several threads at once: so the pages are first touched in parallel, instead
    /// of zeroed on one thread first).
    ///
    /// (Advising such arrays onto 2 MB pages was tried: no steady gain on this machine, and the
    /// kernel's compaction for them made some runs slower.)
    static func make<T>(repeating value: T, count: Int, filledLater: Bool = false) -> [T] {
        guard filledLater && _isPOD(T.self) && count * MemoryLayout<T>.stride >= 1 << 20 else {
            return Array(repeating: value, count: count)
        }
        return [T](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
