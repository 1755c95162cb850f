/// A compiled formula as a flat list of stack-machine instructions. Booleans are 0 and 1
/// (the types were checked before), so the stack holds only `Rational`s.
struct Program: Sendable, Equatable {
    enum Instruction: Sendable, Equatable {
        case push(Rational)
        case load(slot: Int)
        case negate, not
        case binary(BinaryOperator)
        case call(BuiltinFunction.Kind, arguments: Int)
        case jump(to: Int)
        /// Pops; jumps when the value was false.
        case jumpIfFalse(to: Int)
        /// `and`: when the top is false, jumps keeping it; otherwise pops it.
        case jumpIfFalseOrPop(to: Int)
        /// `or`: when the top is true, jumps keeping it; otherwise pops it.
        case jumpIfTrueOrPop(to: Int)
    }

    private(set) var code: [Instruction] = []
    private(set) var maxStack = 0
    private var height = 0

    init(_ plan: Plan) {
        emit(plan)
        precondition(height == 1, "a formula leaves one value")
    }

    // MARK: Emitting

    private mutating func push(_ i: Instruction, _ change: Int) {
        code.append(i)
        height += change
        maxStack = max(maxStack, height)
    }

    private mutating func placeholder(_ change: Int) -> Int {
        push(.jump(to: -1), change)
        return code.count - 1
    }

    private mutating func emit(_ plan: Plan) {
        switch plan {
        case .number(let r): push(.push(r), 1)
        case .boolean(let b): push(.push(b ? .one : .zero), 1)
        case .load(let slot, _): push(.load(slot: slot), 1)
        case .negate(let x): emit(x); push(.negate, 0)
        case .not(let x): emit(x); push(.not, 0)
        case .binary(let op, let l, let r) where op.isLogical:
            emit(l)
            let jump = placeholder(-1)   // on the fall-through path the left value is popped
            emit(r)
            code[jump] = op == .and ? .jumpIfFalseOrPop(to: code.count) : .jumpIfTrueOrPop(to: code.count)
        case .binary(let op, let l, let r):
            emit(l); emit(r); push(.binary(op), -1)
        case .conditional(let c, let t, let e):
            emit(c)
            let toElse = placeholder(-1)
            emit(t)
            let toEnd = placeholder(-1)  // the else branch starts at the same height as the then branch
            code[toElse] = .jumpIfFalse(to: code.count)
            emit(e)
            code[toEnd] = .jump(to: code.count)
        case .call(let kind, let args):
            for a in args { emit(a) }
            push(.call(kind, arguments: args.count), 1 - args.count)
        case .invalid:
            preconditionFailure("an invalid plan is never compiled")
        }
    }

    // MARK: Running

    /// The arithmetic and comparisons, on numbers and 0/1 booleans; `nil` for division by zero.
    @inline(__always)
    static func apply<V: FormulaNumber>(_ op: BinaryOperator, _ a: V, _ b: V) -> V? {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a.divided(by: b)
        case .equal: return V.order(a, b) == 0 ? .one : .zero
        case .notEqual: return V.order(a, b) != 0 ? .one : .zero
        case .less: return V.order(a, b) < 0 ? .one : .zero
        case .lessEqual: return V.order(a, b) <= 0 ? .one : .zero
        case .greater: return V.order(a, b) > 0 ? .one : .zero
        case .greaterEqual: return V.order(a, b) >= 0 ? .one : .zero
        case .and: return !a.isZero && !b.isZero ? .one : .zero
        case .or: return !a.isZero || !b.isZero ? .one : .zero
        }
    }

    enum Outcome<V: FormulaNumber> {
        case value(V)
        case missing(slot: Int)
        case divisionByZero
        /// A value on the way did not fit (``Rational/outOfRange``).
        case outOfRange
        /// A value on the way was rounded (``Rational/approximated``): run it in `BigFraction`s.
        case inexact
    }

    /// Runs the formula in number form `V`, stopping at the first value that is missing,
    /// beyond range, or (in `Rational`s) rounded.
    func run<V: FormulaNumber>(_ value: (Int) -> V?) -> Outcome<V> {
        withUnsafeTemporaryAllocation(of: V.self, capacity: maxStack) { stack in
            stack.initialize(repeating: .zero)
            defer { _ = stack.deinitialize() }
            return execute(stack, value)
        }
    }

    @inline(__always)
    private func execute<V: FormulaNumber>(_ stack: UnsafeMutableBufferPointer<V>, _ value: (Int) -> V?) -> Outcome<V> {
        func stopsAt(_ r: V) -> Outcome<V>? {
            if r.outOfRange { return .outOfRange }
            if r.inexact { return .inexact }
            return nil
        }
        var sp = 0
        var pc = 0
        while pc < code.count {
            switch code[pc] {
            case .push(let r):
                stack[sp] = V(r)
                sp += 1
            case .load(let slot):
                guard let v = value(slot) else { return .missing(slot: slot) }
                stack[sp] = v
                sp += 1
            case .negate:
                stack[sp - 1] = -stack[sp - 1]
                if let stop = stopsAt(stack[sp - 1]) { return stop }
            case .not:
                stack[sp - 1] = stack[sp - 1].isZero ? .one : .zero
            case .binary(let op):
                guard let r = Program.apply(op, stack[sp - 2], stack[sp - 1]) else { return .divisionByZero }
                if let stop = stopsAt(r) { return stop }
                sp -= 1
                stack[sp - 1] = r
            case .call(let kind, let n):
                let r = BuiltinFunction.apply(kind, UnsafeBufferPointer(rebasing: stack[(sp - n)..<sp]))
                if let stop = stopsAt(r) { return stop }
                sp -= n - 1
                stack[sp - 1] = r
            case .jump(let target):
                pc = target
                continue
            case .jumpIfFalse(let target):
                sp -= 1
                if stack[sp].isZero { pc = target; continue }
            case .jumpIfFalseOrPop(let target):
                if stack[sp - 1].isZero { pc = target; continue }
                sp -= 1
            case .jumpIfTrueOrPop(let target):
                if !stack[sp - 1].isZero { pc = target; continue }
                sp -= 1
            }
            pc += 1
        }
        return .value(stack[0])
    }
}
