import Testing

@testable import LibreKit

/// The count packs five 12-bit lanes and the context pass's two role bits in one word: the
/// layout check accepts today's lanes and refuses one more, or one that overlaps another.
struct TallyLayoutTests {
  typealias Tally = TextCounter.Tally

  @Test func todaysLanesFit() {
    #expect(Tally.layoutIsSound)
    #expect(Tally.lanes.count == 5)
  }

  @Test func aSixthLaneOrAnOverlapIsRefused() {
    #expect(!Tally.isSound(lanes: Tally.lanes + [60], roles: Tally.contextRoles))
    #expect(!Tally.isSound(lanes: Tally.lanes + [6], roles: Tally.contextRoles))
    #expect(Tally.isSound(lanes: Tally.lanes + [60], roles: 0) == false)
    #expect(Tally.isSound(lanes: [0, 12, 24, 36, 48], roles: 1 << 63))
  }
}
