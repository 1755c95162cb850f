import Foundation
import Testing
@testable import KaimenKit

/// Every key the decoder accepts is in the JSON Schema editors validate with. The schema is
/// written on another branch; until it is merged this suite is skipped.
@Suite("Every rules key the decoder reads is in rules/schema.json")
struct RulesSchemaTests {
    static let schemaURL = Fixtures.packageRoot.appendingPathComponent("rules/schema.json")
    static var schemaExists: Bool { FileManager.default.fileExists(atPath: schemaURL.path) }

    /// Every property name declared anywhere in the schema.
    static func propertyNames(_ node: JSONNode, into names: inout Set<String>) {
        if let members = node.members {
            for m in members {
                if m.key == "properties", let props = m.value.members { names.formUnion(props.map(\.key)) }
                propertyNames(m.value, into: &names)
            }
        } else if let items = node.elements {
            for item in items { propertyNames(item, into: &names) }
        }
    }

    static let keyLists: [(String, [String])] = [
        ("top level", RulesDecoder.topLevelKeys), ("metric", RulesDecoder.metricKeys), ("area", RulesDecoder.areaKeys),
        ("standard", RulesDecoder.standardCommonKeys), ("method", RulesDecoder.methodKeys.values.flatMap { $0 }),
        ("ratio", MetricInput.ratioKeys), ("band", Bands.bandKeys), ("checklist item", Checklist.itemKeys),
        ("survey weights", Survey.weightKeys), ("participation", Survey.participationKeys),
        ("precondition", RulesDecoder.preconditionKeys), ("grade", RulesDecoder.gradeKeys), ("veto", RulesDecoder.vetoKeys),
        ("ranking", RulesDecoder.rankingKeys), ("tie-break", RulesDecoder.tieBreakKeys), ("ballots", RulesDecoder.ballotPolicyKeys),
        ("trim", RulesDecoder.trimKeys), ("combine", RulesDecoder.combineKeys), ("effective", RulesDecoder.effectiveKeys),
        ("corridor", RulesDecoder.corridorKeys),
    ]

    @Test("the key lists are what allKeys is made of")
    func allKeys() {
        #expect(RulesDecoder.allKeys == Set(Self.keyLists.flatMap(\.1)))
    }

    /// Every `method` enum in the schema: by the definition it is in.
    static func methodEnums(_ node: JSONNode, definition: String = "", into found: inout [(String, [String])]) {
        if let members = node.members {
            for m in members {
                if m.key == "method", let e = m.value["enum"]?.elements { found.append((definition, e.compactMap(\.stringValue))) }
                methodEnums(m.value, definition: definition.isEmpty || definition == "definitions" ? m.key : definition, into: &found)
            }
        } else if let items = node.elements {
            for item in items { methodEnums(item, definition: definition, into: &found) }
        }
    }

    @Test("the schema names every method: all on standards, all but ballot on bonuses and deductions",
          .enabled(if: RulesSchemaTests.schemaExists, "rules/schema.json is not in this tree yet"))
    func methodsInSchema() throws {
        let text = try String(contentsOf: Self.schemaURL, encoding: .utf8)
        let schema = try JSONCParser.parse(text, file: Self.schemaURL.path).get()
        var found: [(String, [String])] = []
        Self.methodEnums(schema, into: &found)
        #expect(found.count >= 2, "no method enums found in the schema")
        for (definition, names) in found {
            let expected = definition.lowercased().hasPrefix("standard") ? ScoringMethod.allNames : ScoringMethod.allNames.filter { $0 != "ballot" }
            #expect(names == expected, "rules/schema.json, \(definition): method enum \(names)")
        }
    }

    @Test("each key list is in the schema", .enabled(if: RulesSchemaTests.schemaExists, "rules/schema.json is not in this tree yet"))
    func keysInSchema() throws {
        let text = try String(contentsOf: Self.schemaURL, encoding: .utf8)
        let schema = try JSONCParser.parse(text, file: Self.schemaURL.path).get()
        var names = Set<String>()
        Self.propertyNames(schema, into: &names)
        for (what, keys) in Self.keyLists {
            for key in keys { #expect(names.contains(key), "the \(what) key `\(key)` is not in rules/schema.json") }
        }
    }
}
