import Foundation
import Testing
@testable import KaimenKit

/// Every `--out` says when it replaced a file an office program had open (`output-open-elsewhere`,
/// since 0.29.5: `score --out` took the folder, lock file and all, in silence; session 50); an
/// `--out` that is the current folder says so (it said replacing `X` would delete `X`); and
/// `generate`, `sheets` and `rules template` name an unwritable `--out` as typed, as `score` does.
@Suite("--out and open files, the current folder, paths as typed", .serialized)
struct OutputOpenElsewhereTests {
    static let rules = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
    static let sample = SampleSession.sample.path

    static func score(out: String, in here: URL, lang: [String] = []) -> (code: ExitCode, out: String, err: String) {
        OutputErrorNamingTests.score(out: out, in: here, lang: lang)
    }
    static func sheets(out: String, in here: URL) -> (code: ExitCode, out: String, err: String) {
        OutputErrorNamingTests.run(["sheets", "--rules", rules, "--units", sample + "/units.csv", "--roster", sample + "/roster.csv", "--out", out], in: here)
    }
    static func generate(out: String, in here: URL) -> (code: ExitCode, out: String, err: String) {
        OutputErrorNamingTests.run(["generate", "--rules", rules, "--units", "3", "--out", out], in: here)
    }
    static func template(out: String, in here: URL, force: Bool = false) -> (code: ExitCode, out: String, err: String) {
        OutputErrorNamingTests.run(["rules", "template", rules, "--out", out] + (force ? ["--force"] : []), in: here)
    }

    @Test("score --out over a workbook open in Excel/WPS (whole and shortened owner file) or LibreOffice: warned, in both languages",
          arguments: [("~$summary.xlsx", "summary.xlsx", "Excel 或 WPS", "Excel or WPS"),
                      ("~$ummary.xlsx", "summary.xlsx", "Excel 或 WPS", "Excel or WPS"),
                      (".~lock.summary.xlsx#", "summary.xlsx", "LibreOffice", "LibreOffice"),
                      ("sheets/.~lock.X01.csv#", "sheets/X01.csv", "LibreOffice", "LibreOffice")])
    func scoreOverOpen(lock: String, locks: String, zh: String, en: String) throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        let first = Self.score(out: "rel/out", in: here)
        try #require(first.code == .success, "\(first.err)")
        #expect(!first.err.contains("output-open-elsewhere") && !first.err.contains("警告：`rel/out"), "\(first.err)")
        // A program's lock file, a few bytes, beside the file it has open.
        for lang in [[], ["--lang", "en"]] {
            try Data("王秘书\n".utf8).write(to: here.appendingPathComponent("rel/out/" + lock))
            let r = Self.score(out: "rel/out", in: here, lang: lang)
            #expect(r.code == .success, "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: here.appendingPathComponent("rel/out/" + lock).path))
            if lang.isEmpty {
                #expect(r.err.contains("警告：`rel/out/\(locks)` 写入时正在 \(zh) 中打开（旁边有它的锁定文件 `rel/out/\(lock)`）"), "\(r.err)")
                #expect(r.err.contains("在 \(zh) 里关闭 `\(PathText.lastComponent(locks))`，不要保存，然后重新打开它；请不要在打开的旧文件里修改或保存"), "\(r.err)")
            } else {
                #expect(r.err.contains("warning: `rel/out/\(locks)` was open in \(en) when it was written (its lock file `rel/out/\(lock)` was beside it)"), "\(r.err)")
                #expect(r.err.contains("close `\(PathText.lastComponent(locks))` in \(en) without saving, then open it again"), "\(r.err)")
            }
        }
    }

    @Test("A lock-shaped name beside no file is no open file: nothing said")
    func notALock() throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try #require(Self.score(out: "rel/out", in: here).code == .success)
        try Data("x".utf8).write(to: here.appendingPathComponent("rel/out/~$nothing.xlsx"))
        let r = Self.score(out: "rel/out", in: here)
        #expect(r.code == .success, "\(r.err)")
        #expect(!r.err.contains("警告：`rel/out/"), "\(r.err)")
    }

    @Test("sheets, generate and rules template --force over an open file say it too")
    func otherWriters() throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try #require(Self.sheets(out: "rel/sheets", in: here).code == .success)
        try Data("x".utf8).write(to: here.appendingPathComponent("rel/sheets/~$entry-template.xlsx"))
        let sheets = Self.sheets(out: "rel/sheets", in: here)
        #expect(sheets.code == .success)
        #expect(sheets.err.contains("警告：`rel/sheets/entry-template.xlsx` 写入时正在 Excel 或 WPS 中打开"), "\(sheets.err)")

        try #require(Self.generate(out: "rel/data", in: here).code == .success)
        try Data("x".utf8).write(to: here.appendingPathComponent("rel/data/.~lock.units.csv#"))
        let generated = Self.generate(out: "rel/data", in: here)
        #expect(generated.code == .success)
        #expect(generated.err.contains("警告：`rel/data/units.csv` 写入时正在 LibreOffice 中打开（旁边有它的锁定文件 `rel/data/.~lock.units.csv#`）"), "\(generated.err)")

        try #require(Self.template(out: "rel/t.csv", in: here).code == .success)
        try Data("x".utf8).write(to: here.appendingPathComponent("rel/~$t.csv"))
        let template = Self.template(out: "rel/t.csv", in: here, force: true)
        #expect(template.code == .success)
        #expect(template.err.contains("警告：`rel/t.csv` 写入时正在 Excel 或 WPS 中打开（旁边有它的锁定文件 `rel/~$t.csv`）"), "\(template.err)")
    }

    /// Since 0.29.6 the commit finds the open files in the walk that looks for unlisted ones:
    /// also with `--force` over a folder kaimen did not write, and not for a lock whose file was
    /// elsewhere; `rules template` looks at its one folder only, not the folders under it.
    @Test("--force over a folder with no manifest says the open file; a lock in another folder than its file is none; a template ignores subfolders")
    func scannedByTheCommit() throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        let mine = here.appendingPathComponent("rel/mine")
        try FileManager.default.createDirectory(at: mine.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for (name, text) in [("units.csv", "id\n"), ("~$units.csv", "甲"), ("sub/~$roster.csv", "甲")] {
            try Data(text.utf8).write(to: mine.appendingPathComponent(name))
        }
        try Data("id\n".utf8).write(to: here.appendingPathComponent("rel/roster.csv"))
        let forced = OutputErrorNamingTests.run(["generate", "--rules", Self.rules, "--units", "3", "--out", "rel/mine", "--force"], in: here)
        #expect(forced.code == .success, "\(forced.err)")
        #expect(forced.err.contains("警告：`rel/mine/units.csv` 写入时正在 Excel 或 WPS 中打开（旁边有它的锁定文件 `rel/mine/~$units.csv`）"), "\(forced.err)")
        #expect(forced.err.components(separatedBy: "output-open-elsewhere").count <= 2 && !forced.err.contains("roster.csv` 写入时"), "\(forced.err)")

        // A template beside a folder whose lock names a file of the same name there: not this file's lock.
        try FileManager.default.createDirectory(at: here.appendingPathComponent("rel/deep"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: here.appendingPathComponent("rel/deep/t.csv"))
        try Data("x".utf8).write(to: here.appendingPathComponent("rel/deep/~$t.csv"))
        try #require(Self.template(out: "rel/t.csv", in: here).code == .success)
        let template = Self.template(out: "rel/t.csv", in: here, force: true)
        #expect(template.code == .success)
        #expect(!template.err.contains("写入时正在"), "\(template.err)")
    }

    /// Since 0.29.7 `rules template` writes through the one-file commit, which looks for the
    /// lock files as it writes (`OutputBatch.commit(file:_:shown:options:)`), as a folder's
    /// commit does: the same warning, in both languages, for Excel's and LibreOffice's lock.
    @Test("rules template --force over a template open in Excel/WPS or LibreOffice: the same warning, from the commit that writes it",
          arguments: [("~$t.xlsx", "Excel 或 WPS", "Excel or WPS"), (".~lock.t.xlsx#", "LibreOffice", "LibreOffice")])
    func templateOverOpen(lock: String, zh: String, en: String) throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try #require(Self.template(out: "rel/t.xlsx", in: here).code == .success)
        try Data("王秘书\n".utf8).write(to: here.appendingPathComponent("rel/" + lock))
        let r = Self.template(out: "rel/t.xlsx", in: here, force: true)
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("警告：`rel/t.xlsx` 写入时正在 \(zh) 中打开（旁边有它的锁定文件 `rel/\(lock)`）：新文件已替换它，打开着的仍是上一次的内容"), "\(r.err)")
        #expect(r.err.contains("在 \(zh) 里关闭 `t.xlsx`，不要保存，然后重新打开它"), "\(r.err)")
        let e = OutputErrorNamingTests.run(["rules", "template", Self.rules, "--out", "rel/t.xlsx", "--force", "--lang", "en"], in: here)
        #expect(e.err.contains("warning: `rel/t.xlsx` was open in \(en) when it was written (its lock file `rel/\(lock)` was beside it)"), "\(e.err)")
        // Without --force nothing is written and nothing said of the lock: the check refused first.
        let refused = Self.template(out: "rel/t.xlsx", in: here)
        #expect(refused.code == .failure && !refused.err.contains("写入时正在"), "\(refused.err)")
    }

    @Test("the one-file commit: refuses a file there without force and an input always, writes nothing then; returns the locks it found")
    func oneFileCommit() throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        let file = here.appendingPathComponent("rel/t.csv"), input = here.appendingPathComponent("rel/r.jsonc")
        let first = try OutputBatch.commit(file: file, Data("a".utf8), shown: "rel/t.csv")
        #expect(first.files == [file] && first.openElsewhere.isEmpty)
        #expect(throws: OutputError.fileExists(path: "rel/t.csv")) { try OutputBatch.commit(file: file, Data("b".utf8), shown: "rel/t.csv") }
        try Data("{}".utf8).write(to: input)
        let options = OutputBatch.CommitOptions(force: true, inputs: [("rel/r.jsonc", input)])
        #expect(throws: OutputError.isInput(path: "rel/r.jsonc")) { try OutputBatch.commit(file: input, Data("b".utf8), shown: "rel/r.jsonc", options: options) }
        #expect(try String(contentsOf: input, encoding: .utf8) == "{}")
        try Data("x".utf8).write(to: here.appendingPathComponent("rel/.~lock.t.csv#"))
        let second = try OutputBatch.commit(file: file, Data("b".utf8), shown: "rel/t.csv", options: options)
        #expect(second.openElsewhere == [OfficeLock(path: ".~lock.t.csv#", locks: "t.csv", program: .libreOffice)])
        #expect(try String(contentsOf: file, encoding: .utf8) == "b")
    }

    @Test("session close over the results a cut-short close left, one open in Excel: warned as every --out warns")
    func sessionCloseOverOpen() throws {
        let s = try SessionPathTests.closed(); defer { s.remove() }
        // The close cut short after its results and before its seal (as SessionPathTests reproduces it).
        try Data((s.journalLines.dropLast().joined(separator: "\n") + "\n").utf8).write(to: s.dir.appendingPathComponent("journal.jsonl"))
        try Data("王秘书\n".utf8).write(to: s.dir.appendingPathComponent("results/~$summary.xlsx"))
        try Data("王秘书\n".utf8).write(to: s.dir.appendingPathComponent("results/sheets/.~lock.X01.csv#"))
        let closed = s.run("close", ["--by", "王秘书"])
        #expect(closed.code == .success, "\(closed.err)")
        let folder = s.dir.path + "/results"
        #expect(closed.err.contains("警告：`\(folder)/sheets/X01.csv` 写入时正在 LibreOffice 中打开（旁边有它的锁定文件 `\(folder)/sheets/.~lock.X01.csv#`）"), "\(closed.err)")
        #expect(closed.err.contains("警告：`\(folder)/summary.xlsx` 写入时正在 Excel 或 WPS 中打开（旁边有它的锁定文件 `\(folder)/~$summary.xlsx`）"), "\(closed.err)")
        #expect(closed.err.contains("在 Excel 或 WPS 里关闭 `summary.xlsx`，不要保存，然后重新打开它"), "\(closed.err)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/~$summary.xlsx"))
        #expect(s.run("verify", []).code == .success)
    }

    @Test("--out . run inside the output folder: it is the current folder, cd .. first (output-contains-input)")
    func currentFolder() throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try #require(Self.score(out: "rel/结果（终稿）", in: here).code == .success)
        let inside = here.appendingPathComponent("rel/结果（终稿）")
        let r = Self.score(out: ".", in: inside)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：`.` 是当前所在的文件夹：输出文件夹要整个换掉，不能是运行命令时所在的文件夹；先 `cd ..` 到上一级再运行"), "\(r.err)")
        #expect(!r.err.contains("会删掉"), "\(r.err)")
        let en = Self.score(out: ".", in: inside, lang: ["--lang", "en"])
        #expect(en.err.contains("error: `.` is the current folder: an output folder is replaced whole"), "\(en.err)")
        #expect(en.err.contains("`cd ..` to the folder above first"), "\(en.err)")
        // Run in a folder inside it.
        let sheets = inside.appendingPathComponent("sheets")
        let below = Self.score(out: "..", in: sheets)
        #expect(below.code == .failure)
        #expect(below.err.contains("错误：当前所在的文件夹 `../sheets` 在 `..` 里面"), "\(below.err)")
        #expect(FileManager.default.fileExists(atPath: inside.appendingPathComponent("summary.csv").path))
        #expect(OutputError.holdsCurrentFolder(folder: "/a", current: "/a").code == "output-contains-input")
    }

    @Test("generate, sheets and rules template --out naming a file: the path as typed, not absolute")
    func namedAsTyped() throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try Data("notes\n".utf8).write(to: here.appendingPathComponent("rel/notes.txt"))
        let generated = Self.generate(out: "rel/notes.txt", in: here)
        #expect(generated.code == .failure)
        #expect(generated.err.contains("错误：`rel/notes.txt` 已存在，但不是文件夹"), "\(generated.err)")
        let sheets = Self.sheets(out: "rel/notes.txt", in: here)
        #expect(sheets.code == .failure)
        #expect(sheets.err.contains("错误：`rel/notes.txt` 已存在，但不是文件夹"), "\(sheets.err)")
        let template = Self.template(out: "rel/notes.txt/t.csv", in: here)
        #expect(template.code == .failure)
        #expect(template.err.contains("错误：无法创建文件夹 `rel/notes.txt`"), "\(template.err)")
        for r in [generated, sheets, template] { #expect(!r.err.contains(here.path), "\(r.err)") }
    }
}
