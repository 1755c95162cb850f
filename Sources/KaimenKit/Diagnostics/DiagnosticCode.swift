/// Every kind of problem kaimen reports, by its stable kebab-case code (the raw value).
///
/// Tests and scripts match on the code; people read the message. Each code is documented,
/// with an example, in `docs/diagnostics.md` (a test checks that). The message texts, in
/// Chinese and English, are in the catalogue files beside this one, one per stage.
public enum DiagnosticCode: String, Sendable, CaseIterable, Hashable {
    // Reading files and their encoding
    case fileNotFound = "file-not-found"
    case inputChangedDuringRun = "input-changed-during-run"
    case csvEncoding = "csv-encoding"
    case gb18030Decoded = "gb18030-decoded"
    case utf16Decoded = "utf16-decoded"
    case workbookUnreadable = "workbook-unreadable"
    case workbookSheets = "workbook-sheets"
    case workbookFormula = "workbook-formula"
    case workbookHiddenRow = "workbook-hidden-row"
    case workbookHiddenColumn = "workbook-hidden-column"
    case rulesEncoding = "rules-encoding"
    case jsonEncoding = "json-encoding"

    // CSV structure
    case csvEmpty = "csv-empty"
    case csvEmptyHeader = "csv-empty-header"
    case csvDuplicateHeader = "csv-duplicate-header"
    case csvRaggedRow = "csv-ragged-row"
    case csvStrayQuote = "csv-stray-quote"
    case csvUnbalancedQuote = "csv-unbalanced-quote"

    // JSON with comments
    case jsonSyntax = "json-syntax"
    case duplicateKey = "duplicate-key"

    // Rules files: shape of the values
    case wrongType = "wrong-type"
    case missingKey = "missing-key"
    case unknownKey = "unknown-key"
    case emptyValue = "empty-value"
    case emptyCollection = "empty-collection"
    case invalidID = "invalid-id"
    case invalidValue = "invalid-value"
    case outOfRange = "out-of-range"
    case negativePoints = "negative-points"
    case rulesNumberBeyondLimits = "rules-number-beyond-limits"
    case conflictingKeys = "conflicting-keys"
    case unsupportedFormat = "unsupported-format"
    case rulesInvalid = "rules-invalid"
    case notRulesFile = "not-rules-file"
    case controlCharacter = "control-character"
    case textTooLong = "text-too-long"
    case textLineBreak = "text-line-break"
    case idLookalikeLetter = "id-lookalike-letter"

    // Rules files: extends, override, remove
    case extendsMissing = "extends-missing"
    case extendsCycle = "extends-cycle"
    case overrideWithoutExtends = "override-without-extends"
    case overrideUnknownID = "override-unknown-id"
    case removeUnknownID = "remove-unknown-id"
    case extendsNotRules = "extends-not-rules"
    case extendsTooDeep = "extends-too-deep"
    case extendsOwnName = "extends-own-name"
    case extendsInheritsVersion = "extends-inherits-version"

    // Rules files: the criteria as a whole
    case duplicateID = "duplicate-id"
    case unknownArea = "unknown-area"
    case unknownMetric = "unknown-metric"
    case unknownGrade = "unknown-grade"
    case emptyArea = "empty-area"
    case emptyBands = "empty-bands"
    case emptyChecklist = "empty-checklist"
    case bandsMixed = "bands-mixed"
    case bandsOrder = "bands-order"
    case bandsOverlap = "bands-overlap"
    case bandsNotMonotone = "bands-not-monotone"
    case pointsMismatch = "points-mismatch"
    case pointsExceed = "points-exceed"
    case unreachableThreshold = "unreachable-threshold"
    case gradesOrder = "grades-order"
    case gradesNoFloor = "grades-no-floor"
    case quotaAllowsNone = "quota-allows-none"
    case weightsSum = "weights-sum"
    case combineWeights = "combine-weights"
    case duplicateAreaBallot = "duplicate-area-ballot"

    // The formula language
    case expressionSyntax = "expression-syntax"
    case expressionTooLong = "expression-too-long"
    case expressionTooDeep = "expression-too-deep"
    case typeMismatch = "type-mismatch"
    case unknownFunction = "unknown-function"
    case wrongArity = "wrong-arity"
    case invalidArgument = "invalid-argument"
    case divisionByZero = "division-by-zero"
    case expressionTooLarge = "expression-too-large"

    // Units, roster and ballots
    case wrongFile = "wrong-file"
    case titleRow = "title-row"
    case missingColumn = "missing-column"
    case unknownColumn = "unknown-column"
    case metricColumnAbsent = "metric-column-absent"
    case metricColumnTwice = "metric-column-twice"
    case missingUnitID = "missing-unit-id"
    case duplicateUnit = "duplicate-unit"
    case unitIDIsName = "unit-id-is-name"
    case missingValue = "missing-value"
    case invalidMetric = "invalid-metric"
    case missingMetric = "missing-metric"
    case ratioAboveOne = "ratio-above-one"
    case surveyAbovePopulation = "survey-above-population"
    case numberBeyondLimits = "number-beyond-limits"
    case noUnits = "no-units"
    case duplicateRepresentative = "duplicate-representative"
    case noRepresentatives = "no-representatives"
    case unknownUnit = "unknown-unit"
    case unknownRepresentative = "unknown-representative"
    case unknownStandard = "unknown-standard"
    case standardColumnTwice = "standard-column-twice"
    case invalidScore = "invalid-score"
    case scoreOutOfRange = "score-out-of-range"
    case scoreStep = "score-step"
    case blankScore = "blank-score"
    case duplicateBallot = "duplicate-ballot"
    case noBallots = "no-ballots"
    case recusal = "recusal"
    case rosterUnitNearMiss = "roster-unit-near-miss"
    case rosterOutsideUnit = "roster-outside-unit"

    // The session's schedule (which group hears which unit)
    case unknownGroup = "unknown-group"
    case duplicateSchedule = "duplicate-schedule"
    case noSchedule = "no-schedule"
    case scheduleIdleGroup = "schedule-idle-group"
    case scheduleUnheardUnit = "schedule-unheard-unit"

    // The open scoring session: folder, journal, entry, close, verify (docs/session.md)
    case sessionExists = "session-exists"
    case sessionFolderNotEmpty = "session-folder-not-empty"
    case sessionRulesOutside = "session-rules-outside"
    case sessionTooLarge = "session-too-large"
    case notASession = "not-a-session"
    case sessionFolderIsFile = "session-folder-is-file"
    case sessionIO = "session-io"
    case journalUnreadable = "journal-unreadable"
    case journalDamaged = "journal-damaged"
    case journalMissing = "journal-missing"
    case journalTornTail = "journal-torn-tail"
    case journalLineEnd = "journal-line-end"
    case journalRecordInvalid = "journal-record-invalid"
    case alreadyAppealed = "already-appealed"
    case sessionLocked = "session-locked"
    case gradeUnreachable = "grade-unreachable"
    case metricUnread = "metric-unread"
    case pointsZero = "points-zero"
    case trimUnused = "trim-unused"
    case criteriaStale = "criteria-stale"
    case outputLeftover = "output-leftover"
    case outputOpenElsewhere = "output-open-elsewhere"
    case outputRestored = "output-restored"
    case notScheduled = "not-scheduled"
    case sheetNameMismatch = "sheet-name-mismatch"
    case sheetUnitMismatch = "sheet-unit-mismatch"
    case sheetGroupMismatch = "sheet-group-mismatch"
    case sheetIDMismatch = "sheet-id-mismatch"
    case sameOperator = "same-operator"
    case entryRowsSwapped = "entry-rows-swapped"
    case entryStandardsSwapped = "entry-standards-swapped"
    case operatorNearMiss = "operator-near-miss"
    case operatorName = "operator-name"
    case sameFile = "same-file"
    case sheetVoid = "sheet-void"
    case sheetNotAppealed = "sheet-not-appealed"
    case sessionClosed = "session-closed"
    case sessionOpen = "session-open"
    case nothingToResolve = "nothing-to-resolve"
    case enteredOnce = "entered-once"
    case acceptMissingRefused = "accept-missing-refused"
    case alreadyConfirmed = "already-confirmed"
    case overrideNeeded = "override-needed"
    case missingReason = "missing-reason"
    case notExpected = "not-expected"
    case sheetMissing = "sheet-missing"
    case sheetOnce = "sheet-once"
    case sheetConflict = "sheet-conflict"
    case closeRefused = "close-refused"
    case outputFailed = "output-failed"
    case journalSequence = "journal-sequence"
    case journalChain = "journal-chain"
    case journalHash = "journal-hash"
    case inputChanged = "input-changed"
    case outputChanged = "output-changed"
    case outputUnsealed = "output-unsealed"
    case tornFileChanged = "torn-file-changed"
    case manifestMismatch = "manifest-mismatch"
    case journalHead = "journal-head"
    case journalHeadNotSeal = "journal-head-not-seal"
    case sessionFileUnlisted = "session-file-unlisted"
    case sealPath = "seal-path"
    case outputSymlink = "output-symlink"
    case sealBallots = "seal-ballots"
    case sealMismatch = "seal-mismatch"
    case sealRescore = "seal-rescore"

    // Scoring
    case vetoUnchecked = "veto-unchecked"

    // Papers (`kaimen sheets`)
    case noBallotStandards = "no-ballot-standards"

    // Tuning: compare, rules test (docs/tuning.md)
    case compareMissingMetric = "compare-missing-metric"
    case compareBallotsDropped = "compare-ballots-dropped"
    case compareBallotsAdded = "compare-ballots-added"
    case compareBallotsRescaled = "compare-ballots-rescaled"
    case compareBallotsOffStep = "compare-ballots-off-step"
    case compareBallotsAsCast = "compare-ballots-as-cast"
    case setUnknownUnit = "set-unknown-unit"
    case setUnknownMetric = "set-unknown-metric"
    case setInvalidValue = "set-invalid-value"
    case testUnknownID = "test-unknown-id"
    case testInvalidMetric = "test-invalid-metric"
    case testInvalidBallot = "test-invalid-ballot"
    case testFailed = "test-failed"
    case testBallotsCarried = "test-ballots-carried"

    // Writing the output set (`OutputError.code`)
    case outputUnsafePath = "output-unsafe-path"
    case outputDuplicatePath = "output-duplicate-path"
    case outputIO = "output-io"
    case outputNotAFolder = "output-not-a-folder"
    case outputReadOnly = "output-read-only"
    case outputForeignFolder = "output-foreign-folder"
    case outputForeignFiles = "output-foreign-files"
    case outputContainsInput = "output-contains-input"
    case outputFileExists = "output-file-exists"
    case outputIsInput = "output-is-input"
    case outputInSession = "output-in-session"
    case outputLocked = "output-locked"
    case outputProducerFailed = "output-producer-failed"

    // How a command ended, in `--format json`'s failure object, for an error said without a code of its own
    case usageError = "usage-error"
    case runFailed = "run-failed"

    /// The code as it is printed and matched: `unknown-key`.
    public var code: String { rawValue }
}

extension Diagnostic {
    public init(_ severity: Severity = .error, code: DiagnosticCode, text: Localized,
                location: SourceLocation? = nil, path: String? = nil, hint: Localized? = nil) {
        self.init(severity, code: code.rawValue, text: text, location: location, path: path, hint: hint)
    }

    public static func error(_ code: DiagnosticCode, _ text: Localized, at location: SourceLocation? = nil,
                             path: String? = nil, hint: Localized? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, text: text, location: location, path: path, hint: hint)
    }

    public static func warning(_ code: DiagnosticCode, _ text: Localized, at location: SourceLocation? = nil,
                               path: String? = nil, hint: Localized? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, text: text, location: location, path: path, hint: hint)
    }

    public static func note(_ code: DiagnosticCode, _ text: Localized, at location: SourceLocation? = nil,
                            path: String? = nil, hint: Localized? = nil) -> Diagnostic {
        Diagnostic(.note, code: code, text: text, location: location, path: path, hint: hint)
    }

    /// The catalogued kind, or `nil` for a code not (yet) in the enumeration.
    public var kind: DiagnosticCode? { DiagnosticCode(rawValue: code) }
}
