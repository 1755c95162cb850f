import Foundation

/// What `session verify` says about a seal record itself: its paths, its fields, its ballots and
/// its ranking.
extension SessionMessages {
    static func sealPath(_ path: String, seq: Int) -> Localized {
        Localized(zh: "封存记录 \(seq) 中的路径 `\(path)` 不在它的结果文件夹里（kaimen 只写 `results` 或 `results/v2` 这样的文件夹）：封存记录被改写过；没有读取或重写它所指的文件",
                  en: "seal record \(seq) names the path `\(path)`, outside its results folder (kaimen writes only folders such as `results` or `results/v2`): the seal was rewritten; the files it points to were neither read nor written")
    }
    static func sealAbsolutePaths(seq: Int, version: String?) -> Localized {
        let by = version.map { (zh: "kaimen \($0)", en: "kaimen \($0)") } ?? (zh: "早于 0.22.0 的 kaimen", en: "a kaimen before 0.22.0")
        return Localized(zh: "封存记录 \(seq) 按绝对路径记下结果文件（\(by.zh) 经由链接的上级文件夹结束会话时会这样写），这一版无法按它核验这些文件",
                         en: "seal record \(seq) lists the result files by absolute paths (as \(by.en) wrote it when the session was closed through a linked folder above it); this version cannot check the files by it")
    }
    static let sealAbsolutePathsHint = Localized(zh: "日志本身（哈希链、各记录）照常核验；结果文件请对照公示的版本人工核对，或用结束会话的那一版 kaimen、按同样的路径核验",
                                                 en: "the journal itself (hash chain, records) is verified as usual; check the result files against the posted ones by hand, or verify with the kaimen that closed the session, by the same path")
    static let sealPathHint = Localized(zh: "用备份恢复 journal.jsonl，并对照公示的日志末条哈希核验（`--head`）",
                                        en: "restore journal.jsonl from a copy and check it against the posted head hash (`--head`)")

    static func sealBallots(seq: Int) -> Localized {
        Localized(zh: "按日志重算的计分票与封存记录 \(seq) 中的不同", en: "the ballots replayed from the journal differ from those sealed by record \(seq)")
    }
    /// A seal whose version records the manifest's hash, without it.
    static func sealWithoutManifestHash(seq: Int, version: String) -> Localized {
        Localized(zh: "封存记录 \(seq) 由 kaimen \(version) 写成，却没有清单的哈希（`manifest`）：封存记录被改写过",
                  en: "seal record \(seq) was made by kaimen \(version) but holds no hash of its manifest (`manifest`): the seal was rewritten")
    }

    /// A field of seal record `seq` that is not what the journal before it gives (`Verifier.sealFieldProblems`).
    static func sealField(seq: Int, field: String, sealed: String, expected: Localized) -> Localized {
        Localized(zh: "封存记录 \(seq) 的字段 `\(field)` 与日志不符：封存记录中为 `\(sealed)`，\(expected.zh)",
                  en: "field `\(field)` of seal record \(seq) does not match the journal: the seal has `\(sealed)`, \(expected.en)")
    }
    static let sealFieldHint = Localized(
        zh: "kaimen 的 close 不会这样写：封存记录被改写过，整条链的哈希又被重新计算过；以按日志重新计算的结果为准，用公示的日志末条哈希核对（--head），从备份恢复日志",
        en: "kaimen's close does not write this: the seal record was rewritten and every hash recomputed; trust the result recomputed from the journal, check it against the posted head hash (--head) and restore the journal from a backup")
    /// What a seal's field should be, said after what it is (`sealField`).
    enum SealField {
        static let noSuchKey = Localized(zh: "kaimen 的封存记录没有这个字段", en: "a kaimen seal record has no such field")
        static let keyMissing = Localized(zh: "kaimen 的封存记录都有这个字段，这里却没有", en: "every kaimen seal record has this field, and this one lacks it")
        static func version(_ n: Int) -> Localized {
            Localized(zh: "这是会话的第 \(n) 次封存，应为 \(n)", en: "this is the session's seal number \(n), so it should be \(n)")
        }
        static let lang = Localized(zh: "应为 `zh` 或 `en`", en: "it should be `zh` or `en`")
        static func journalHead(_ hash: String, seq: Int) -> Localized {
            Localized(zh: "应为前一条记录（记录 \(seq)）的哈希 `\(hash)`", en: "it should be the hash of the record before it (record \(seq)), `\(hash)`")
        }
        static let inputs = Localized(zh: "这些输入副本的哈希与建立会话时（记录 1）所记的不同", en: "these input copies' hashes differ from those recorded when the session opened (record 1)")
        static func uncounted(_ open: [String]) -> Localized {
            let list = open.isEmpty ? "[]" : open.count > 8 ? open.prefix(8).joined(separator: ", ") + " …" : open.joined(separator: ", ")
            return Localized(zh: "按日志，封存时未确认的评分表为 \(list)（共 \(open.count) 张）",
                             en: "the journal leaves \(open.count) sheet\(open.count == 1 ? "" : "s") unconfirmed at the seal: \(list)")
        }
        static func acceptMissing(open: Int) -> Localized {
            open == 0
                ? Localized(zh: "按日志，封存时每张评分表都已确认，应为 null", en: "every sheet is confirmed at the seal by the journal, so it should be null")
                : Localized(zh: "按日志，封存时有 \(open) 张评分表未确认，应写明 --accept-missing 的理由", en: "the journal leaves \(open) sheet\(open == 1 ? "" : "s") unconfirmed at the seal, so it should give the --accept-missing reason")
        }
    }

    /// One unit's figure in a seal's `ranking` against another ranking (`Verifier.rankingDifferences`):
    /// `field` nil when the unit is in one only (`sealed` nil: not in the seal); `sealed` and
    /// `other` quoted as `Verifier.shownValue` quotes them.
    struct RankingDifference: Sendable, Equatable {
        var unit: String
        var field: String?
        var sealed: String?
        var other: String?
    }

    /// What a seal's `ranking` was compared with: the result scored again from the journal
    /// (`verify`), or the `summary.csv` the seal holds the hash of (`status`).
    enum RankingSource: Sendable {
        case journal
        case file(String)
    }

    /// A seal's `ranking` that differs from `source`: the first six differences, in the order
    /// `Verifier.rankingDifferences` gives them, and how many more.
    static func sealRanking(seq: Int, against source: RankingSource, _ differences: [RankingDifference]) -> Localized {
        // What the other side is called in a difference, and the message's leading sentence.
        let (side, gives, lead): ((zh: String, en: String), (zh: String, en: String), Localized)
        switch source {
        case .journal:
            side = ("按日志", "the journal")
            gives = ("按日志应为", "the journal gives")
            lead = Localized(zh: "封存记录 \(seq) 的字段 `ranking`（名次、总分和等级）与按日志重新计算的结果不符：",
                             en: "field `ranking` (ranks, totals and grades) of seal record \(seq) does not match the result recomputed from the journal: ")
        case .file(let file):
            side = ("`\(file)` 中", "`\(file)`")
            gives = ("`\(file)` 中为", "`\(file)` has")
            lead = Localized(zh: "封存记录 \(seq) 的字段 `ranking`（名次、总分和等级）与它封存的结果文件 `\(file)` 不符：",
                             en: "field `ranking` (ranks, totals and grades) of seal record \(seq) does not match the result file it seals, `\(file)`: ")
        }
        func one(_ d: RankingDifference) -> (zh: String, en: String) {
            guard let field = d.field else {
                return d.sealed == nil ? ("`\(d.unit)` 不在封存的 ranking 中，\(side.zh)有这个单位", "`\(d.unit)` is not in the sealed ranking, but in \(side.en)")
                    : ("封存的 ranking 中有 `\(d.unit)`，\(side.zh)没有这个单位", "the sealed ranking has `\(d.unit)`, which \(side.en) does not")
            }
            let zhName = ["rank": "名次", "total": "总分", "grade": "等级"][field] ?? field
            return ("`\(d.unit)` 的\(zhName)（\(field)）封存为 `\(d.sealed ?? "—")`，\(gives.zh) `\(d.other ?? "—")`",
                    "`\(d.unit)`'s \(field) is sealed as `\(d.sealed ?? "—")`, \(gives.en) `\(d.other ?? "—")`")
        }
        let shown = differences.prefix(6).map(one)
        let more = differences.count - shown.count
        return Localized(zh: lead.zh + shown.map(\.zh).joined(separator: "；") + (more > 0 ? "；另有 \(more) 处不同" : ""),
                         en: lead.en + shown.map(\.en).joined(separator: "; ") + (more > 0 ? "; and \(more) more" : ""))
    }
    static let sealBallotsHint = Localized(
        zh: "日志中封存之前的记录被改动、删去或插入过（与其哈希不符的记录见上）；封存记录所记的是封存时的计分票",
        en: "a record before the seal was changed, removed or put in (a record that does not match its hash is named above); the seal records the ballots as they were when sealed")
    static let sealBallotsRehashedHint = Localized(
        zh: "哈希链本身完整：封存之前的记录被改动后，整条链的哈希又被重新计算过；用公示的日志末条哈希核对（--head），从备份恢复日志",
        en: "the hash chain itself is whole: a record before the seal was changed and every hash recomputed; check against the posted head hash (--head) and restore the journal from a backup")
}
