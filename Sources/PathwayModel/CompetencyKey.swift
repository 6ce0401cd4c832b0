/// Identifies a competency across the whole document: its framework's code and its own code.
///
/// Codes are only unique inside a framework (two Moodle frameworks may both have `level-1`), so
/// every reference from credentials, pathways and learners carries both parts. Its text form is
/// `FRAMEWORK/CODE` (framework codes never contain `/`).
///
/// Documents hold hundreds of thousands of references (130,000 occupation–skill links at ESCO
/// scale) whose codes are 36-character UUIDs, and the checks look each of them up in
/// dictionaries again and again. So a key is one pointer to an immutable box holding both codes
/// and their hash, worked out once when the key is made: a reference costs 8 bytes when it
/// shares its competency's key (as everything loaded from a document does), hashing a key feeds
/// one integer to the hasher, keys with different hashes are unequal without comparing strings,
/// and keys sharing a box are equal without comparing anything.
public struct CompetencyKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    private var box: Box

    public var framework: String {
        get { box.framework }
        set { box = Box(framework: newValue, code: box.code) }
    }

    public var code: String {
        get { box.code }
        set { box = Box(framework: box.framework, code: newValue) }
    }

    public init(framework: String, code: String) {
        box = Box(framework: framework, code: code)
    }

    /// Parses `FRAMEWORK/CODE`, splitting at the first `/`.
    public init?(_ text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let f = String(text[..<slash]), c = String(text[text.index(after: slash)...])
        guard !f.isEmpty, !c.isEmpty else { return nil }
        self.init(framework: f, code: c)
    }

    public var description: String { "\(framework)/\(code)" }

    /// Whether both keys are the very same box (true only for shared keys; equal keys made
    /// separately are `==` but not identical).
    public func isIdentical(to other: CompetencyKey) -> Bool { box === other.box }

    public static func == (a: CompetencyKey, b: CompetencyKey) -> Bool {
        a.box === b.box
            || (a.box.digest == b.box.digest && a.box.code == b.box.code && a.box.framework == b.box.framework)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.digest)
    }

    /// What a dictionary or set asks of a key to place it: the digest mixed with the table's
    /// seed in a few multiplications (MurmurHash3's finaliser), instead of a whole `Hasher`
    /// run over one integer per lookup — at ESCO scale the checks look keys up a few hundred
    /// thousand times. The digest is already the process's keyed hash of both codes; mixing in
    /// the seed keeps tables with different seeds from sharing an order (Swift's guard
    /// against slow copies between tables).
    public func _rawHashValue(seed: Int) -> Int {
        var h = UInt64(bitPattern: Int64(box.digest ^ seed))
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int(Int64(bitPattern: h))
    }

    public static func < (a: CompetencyKey, b: CompetencyKey) -> Bool {
        (a.box.framework, a.box.code) < (b.box.framework, b.box.code)
    }

    /// Both codes and their hash; never changed once made, so keys can share it freely.
    private final class Box: Sendable {
        let framework: String
        let code: String
        /// The hash of both codes (the process's `Hasher`, so equal strings in Swift's sense —
        /// canonically equivalent — give equal digests).
        let digest: Int

        init(framework: String, code: String) {
            self.framework = framework
            self.code = code
            var hasher = Hasher()
            hasher.combine(framework)
            hasher.combine(code)
            digest = hasher.finalize()
        }
    }
}
