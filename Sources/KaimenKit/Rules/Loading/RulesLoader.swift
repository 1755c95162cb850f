import Foundation

/// The front door of the rules stage: reads a rules file and the files it extends, merges,
/// decodes, validates and compiles them, and returns `Rules` or every problem found.
public struct RulesLoader {
    /// Reads a file's text; injectable so tests can load from memory.
    public var readFile: (String) throws -> String
    /// Whether a file that `extends` another must have its own `id`, `title` and `issuer` (the
    /// `extends-own-name` error, since 0.19.0). Off for a session's copies of its inputs: a
    /// session an earlier version opened must still score and verify.
    public var requireOwnName = true
    /// Whether a name over 200 characters, an id over 64, or criteria or a note over 2 000 are
    /// errors (`text-too-long`, since 0.23.2); off for a session's copy of its rules.
    public var limitsText = true
    /// Whether the file is a session's copy of its rules, which the version that opened the
    /// session accepted: read without the checks added since (both of the above off).
    public var readsSessionCopy: Bool {
        get { !requireOwnName && !limitsText }
        set { (requireOwnName, limitsText) = (!newValue, !newValue) }
    }

    public init(readFile: @escaping (String) throws -> String = RulesLoader.readFromDisk) {
        self.readFile = readFile
    }

    public static func readFromDisk(_ path: String) throws -> String {
        try text(InputFile.read(path), path: path)
    }

    /// A rules file's bytes as text; an error saying how to fix it when they are not UTF-8.
    ///
    /// Where it is not, the message says what it is, as the CSV readers do (a rules author's
    /// trial got `1:1` for one name pasted from a GBK file on line 151): a UTF-16 file, a
    /// GB18030 one, or UTF-8 with a few bytes of another encoding, placed at their line and
    /// read as GBK when they are Chinese.
    public static func text(_ data: Data, path: String) throws -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        let bytes = [UInt8](data)
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) ? "UTF-16 LE" : bytes.starts(with: [0xFE, 0xFF]) ? "UTF-16 BE" : nil
        let bad = TextEncodingDetection.firstInvalidUTF8(bytes) ?? 0
        let at = utf16 == nil ? TextEncodingDetection.location(ofByte: bad, in: bytes, fileName: path) : SourceLocation(file: path, line: 1, column: 1)
        let message: Localized
        if let utf16 {
            message = ValidationMessages.rulesOtherEncoding(path, utf16)
        } else if TextEncodingDetection.mostlyUTF8(bytes) {
            let (run, read) = TextEncodingDetection.stray(bytes, at: bad)
            throw DiagnosticsError([.error(.rulesEncoding, CSVMessages.strayBytes(path, line: at.line, count: run.count, gbk: read), at: at,
                                           hint: ValidationMessages.retypeStrayRules)])
        } else if String(data: data, encoding: TextEncodingDetection.gb18030) != nil {
            message = ValidationMessages.rulesOtherEncoding(path, "GB18030")
        } else {
            message = ValidationMessages.rulesNotUTF8(path)
        }
        throw DiagnosticsError([.error(.rulesEncoding, message, at: at, hint: ValidationMessages.saveRulesAsUTF8)])
    }

    public struct Loaded: Sendable {
        public var rules: Rules
        /// Warnings that did not stop the load.
        public var warnings: [Diagnostic]
    }

    /// Loads `path`; on any error, throws `DiagnosticsError` with all of them, sorted by place.
    public func load(_ path: String) throws(DiagnosticsError) -> Loaded {
        let ctx = DecodeContext()
        ctx.requireOwnName = requireOwnName
        ctx.limitsText = limitsText
        var files: [String] = []
        let root = resolve(path, chain: [], referencedBy: nil, ctx: ctx, files: &files)
        // Problems that leave the tree usable (a duplicate key, an `override` of an unknown id)
        // don't stop the load: decoding and validation go on, so one run reports everything.
        if let root {
            var decoder = RulesDecoder(ctx: ctx)
            if let rules = decoder.decode(root, sourceFiles: files) {
                RulesValidator(rules: rules, ctx: ctx).validate()
                // What only the compiled plan can tell (a combine weight no standard can take):
                // checked here too, so no file loads that `score` would then refuse.
                if !ctx.hasErrors, case .failure(let e) = ScoringPlan.compile(rules) { ctx.diagnostics.append(contentsOf: e.diagnostics) }
                if !ctx.hasErrors {
                    return Loaded(rules: rules, warnings: ctx.diagnostics.filter { $0.severity != .error })
                }
            }
        }
        var all = Diagnostics()
        // A line whose syntax was read past says that only: what the decoding then finds there
        // is of the value as guessed (`30%` read as 30, which a rate refuses).
        all.append(contentsOf: ctx.diagnostics.filter { d in
            guard let at = d.location, ctx.readPastLines.contains(ReadPastLine(file: at.file, line: at.line)) else { return true }
            return RulesLoader.parserCodes.contains(d.code)
        })
        if !all.hasErrors {
            all.append(.error(.rulesInvalid, ValidationMessages.rulesInvalid(path), at: SourceLocation(file: path, line: 1, column: 1)))
        }
        throw DiagnosticsError(all.sorted)
    }

    /// The problems the parser itself reports, kept on a line whose syntax was read past.
    static let parserCodes: Set<String> = [DiagnosticCode.jsonSyntax.rawValue, DiagnosticCode.duplicateKey.rawValue,
                                           DiagnosticCode.controlCharacter.rawValue]

    /// How many files an `extends` chain may hold, the first included.
    public static let maxExtendsDepth = 32
    /// What the name of a file `extends` names must end with.
    static let rulesExtensions = [".jsonc", ".json"]

    /// Whether a parsed base file is a rules file: an object with at least one key only rules
    /// files have. Anything else is not merged, and nothing of it is quoted.
    static func looksLikeRules(_ root: JSONNode) -> Bool {
        guard let members = root.members else { return false }
        let marks: Set<String> = ["format", "areas", "standards", "metrics", "extends", "grades"]
        return members.contains { marks.contains($0.key) }
    }

    /// Whether `text` is a JSON object behind lines of `#` comments (`# 东城区细则`): a rules
    /// file written with the wrong comment mark, which the parser then answers with `//`,
    /// rather than a file of some other kind.
    static func hashCommentsBeforeObject(_ text: String) -> Bool {
        var rest = Substring(text)
        var hash = false
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if rest.first == "#" || rest.first == "＃" || rest.hasPrefix("//") {
                hash = hash || !rest.hasPrefix("//")
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        return hash && rest.first == "{"
    }

    /// Parses `path` and, if it extends another file, merges it onto its resolved base.
    private func resolve(_ path: String, chain: [String], referencedBy: (node: JSONNode, file: String)?,
                         ctx: DecodeContext, files: inout [String]) -> JSONNode? {
        let canonical = PathText.normalize(path)
        let text: String
        do {
            text = try readFile(path)
        } catch let e as DiagnosticsError {
            ctx.diagnostics.append(contentsOf: e.diagnostics)
            return nil
        } catch {
            if let why = error as? InputFile.Unreadable, why.changed {
                // Read while another program saved it: not one version of the file.
                ctx.diagnostics.append(UnreadableFile.diagnostic(path, why))
            } else if let (node, _) = referencedBy, let why = error as? InputFile.Unreadable, why.exists {
                // There, but a folder, a pipe or unreadable: why, not "missing".
                ctx.error(.fileNotFound, UnreadableFile.message(node.stringValue ?? path, why), at: node.location, path: "extends", hint: why.hint)
            } else if let (node, from) = referencedBy {
                // A near name among the rules files in that folder (`xicheng2014.jsonc` for `xicheng-2014.jsonc`).
                // Never the referring file itself, and with the folder as `extends` wrote it.
                let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
                let written = node.stringValue ?? name, writtenFolder = (written as NSString).deletingLastPathComponent
                let near = ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [])
                    .filter { ($0.hasSuffix(".jsonc") || $0.hasSuffix(".json")) && PathText.normalize((folder as NSString).appendingPathComponent($0)) != PathText.normalize(from) }
                    .sorted()
                let hint = Suggestion.closest(to: name, among: near)
                    .map { ValidationMessages.extendsNear(writtenFolder.isEmpty ? $0 : (writtenFolder as NSString).appendingPathComponent($0), lookedFor: path) }
                    ?? ValidationMessages.lookedFor(path)
                ctx.error(.extendsMissing, ValidationMessages.extendsMissing(node.stringValue ?? path, PathText.lastComponent(from)),
                          at: node.location, path: "extends", hint: hint)
            } else if let why = error as? InputFile.Unreadable {
                ctx.error(.fileNotFound, UnreadableFile.message(path, why), at: nil, path: nil, hint: why.hint)
            } else {
                ctx.error(.fileNotFound, ValidationMessages.noSuchFile(path), at: nil, path: nil, hint: CSVMessages.checkPath)
            }
            return nil
        }
        files.append(path)
        // A file that is not a JSON object is not a rules file: say so without quoting it (an
        // `extends` pointing at some other file must not print its first word).
        if let first = JSONCParser.firstSignificant(text), first != "{", !RulesLoader.hashCommentsBeforeObject(text) {
            ctx.diagnostics.append(InputMessages.notRulesFile(path, referencedBy: referencedBy.map { ($0.node.location, $0.file) }))
            return nil
        }
        // Syntax errors read past (`：`, `十二`, `30%`): the tree as read on is still decoded and
        // checked, so that one run says everything (since 0.29.3; before, a quoted `"三分"` was
        // said only once a bare `十二` was fixed). The load fails on the syntax errors all the same.
        let (parsed, readPast, problems) = JSONCParser.parseReadingOn(text, file: path, percentHint: { keyPath, number in
            NumberMeaning.at(keyPath: keyPath).percentHint(key: keyPath.last ?? "", number: number, quoted: false)
        })
        if readPast {
            for d in problems where d.code == DiagnosticCode.jsonSyntax.rawValue {
                if let at = d.location { ctx.readPastLines.insert(ReadPastLine(file: at.file, line: at.line)) }
            }
        }
        if let root = parsed, let (node, from) = referencedBy, !RulesLoader.looksLikeRules(root) {
            ctx.diagnostics.append(InputMessages.notRulesFile(path, referencedBy: (node.location, from)))
            return nil
        }
        ctx.diagnostics.append(contentsOf: problems)
        guard let root = parsed else { return nil }
        guard let extendsNode = root["extends"] else {
            for key in ["remove", "override"] {
                if let m = root.members?.first(where: { $0.key == key }) {
                    ctx.error(.overrideWithoutExtends, ValidationMessages.withoutExtends(key),
                              at: m.keyLocation, path: key, hint: ValidationMessages.addExtends)
                }
            }
            return root
        }
        guard let rel = extendsNode.stringValue, !rel.isEmpty else {
            ctx.error(.wrongType, ValidationMessages.extendsText, at: extendsNode.location, path: "extends")
            return nil
        }
        guard RulesLoader.rulesExtensions.contains(where: { rel.lowercased().hasSuffix($0) }) else {
            ctx.diagnostics.append(InputMessages.extendsNotRulesName(rel, at: extendsNode.location))
            return nil
        }
        guard chain.count + 1 < RulesLoader.maxExtendsDepth else {
            ctx.diagnostics.append(InputMessages.extendsTooDeep(at: extendsNode.location))
            return nil
        }
        let basePath = PathText.join(PathText.directory(of: path), rel)
        let baseCanonical = PathText.normalize(basePath)
        if chain.contains(baseCanonical) || baseCanonical == canonical {
            let cycle = (chain + [canonical, baseCanonical]).map(PathText.lastComponent).joined(separator: " → ")
            ctx.error(.extendsCycle, ValidationMessages.extendsCycle(cycle), at: extendsNode.location, path: "extends",
                      hint: ValidationMessages.noSelfExtend)
            return nil
        }
        guard let base = resolve(basePath, chain: chain + [canonical], referencedBy: (extendsNode, path), ctx: ctx, files: &files) else { return nil }
        // Only the file given names what is printed: a layer in between may leave its name to it.
        return RulesMerger(ctx: ctx).merge(child: root, base: base, baseFile: PathText.lastComponent(basePath), given: chain.isEmpty)
    }
}
