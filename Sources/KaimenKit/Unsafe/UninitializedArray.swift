extension Array {
    /// `Array(unsafeUninitializedCapacity:initializingWith:)`, except that with no room `body`
    /// is given an empty buffer (no address) and the array is a plain empty one. For a capacity
    /// of 0 the standard library writes the count into the one storage every empty array
    /// shares; two threads doing so at once is a race as ThreadSanitizer sees it (the same 0
    /// written twice, harmless, but a report that fails CI). Every array made uninitialized in
    /// kaimen is made here.
    init(uninitializedCapacity capacity: Int,
         initializingWith body: (inout UnsafeMutableBufferPointer<Element>, inout Int) throws -> Void) rethrows {
        guard capacity > 0 else {
            var buffer = UnsafeMutableBufferPointer<Element>(start: nil, count: 0)
            var count = 0
            try body(&buffer, &count)
            precondition(count == 0, "\(count) elements initialized in no room")
            self = []
            return
        }
        try self.init(unsafeUninitializedCapacity: capacity, initializingWith: body)
    }
}
