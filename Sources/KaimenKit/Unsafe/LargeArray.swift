/// Large columns and tables, on 2 MB pages where they are large enough (`HugePages`).
enum LargeArray {
    /// `count` copies of `value`; with `filledLater`, a large array of a plain type is left as
    /// the kernel gives it, for a caller that writes every element before reading any (the bulk
    /// scorer, from several threads at once: so the pages are first touched in parallel, instead
    /// of zeroed on one thread first).
    static func make<T>(repeating value: T, count: Int, filledLater: Bool = false) -> [T] {
        guard filledLater && _isPOD(T.self) && count * MemoryLayout<T>.stride >= 1 << 20 else {
            return filled(repeating: value, count: count)
        }
        // A plain type, checked above at run time.
        return leftAsGiven(count)
    }

    /// `count` values left as the kernel gives them (zero pages, or whatever an earlier use
    /// left), for a caller that writes each before it reads it: a reader's columns, filled row
    /// by row as the file is parsed.
    static func uninitialized<T: BitwiseCopyable>(_ count: Int) -> [T] { leftAsGiven(count) }

    /// The array of `make` and `uninitialized`: `count` elements never written, on 2 MB pages
    /// where large. Only for a plain type: `uninitialized` requires one when it is compiled,
    /// `make` checks at run time (which is why it cannot call `uninitialized`).
    private static func leftAsGiven<T>(_ count: Int) -> [T] {
        [T](uninitializedCapacity: count) { b, initialized in
            HugePages.advise(b)
            initialized = count
        }
    }

    /// `count` copies of `value`, written now by this thread (a table of slots, a column of
    /// names filled in later), on 2 MB pages where large.
    static func filled<T>(repeating value: T, count: Int) -> [T] {
        guard count * MemoryLayout<T>.stride >= HugePages.size else { return Array(repeating: value, count: count) }
        return [T](uninitializedCapacity: count) { b, initialized in
            HugePages.advise(b)
            b.baseAddress!.initialize(repeating: value, count: count)
            initialized = count
        }
    }
}
