import Foundation
import Testing
import PathwayModel
@testable import PathwayCLI

/// The UI's "today" comes from the C library instead of Foundation's `Calendar` (which loads
/// ICU's time zone data, ≈ 3 MB); both read the same local time zone, so they must agree.
@Suite struct LocalDayTests {
    static func calendarDay(_ moment: time_t) -> Day? {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(moment)))
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    @Test(arguments: [0, 43_200, 86_399, 86_400, 951_782_400, 951_868_799, 1_709_208_000, 1_700_000_000, 4_102_444_799])
    func theLocalDayMatchesFoundationsCalendar(_ moment: Int) throws {
        let day = try #require(StoreSession.localDay(at: time_t(moment)))
        #expect(day == Self.calendarDay(time_t(moment)), "at \(moment)")
    }

    @Test func todayIsTheCalendarsToday() throws {
        let now = time(nil)
        let day = try #require(StoreSession.localDay(at: now))
        #expect(day == Self.calendarDay(now))
        #expect(day.year >= 2024)
    }
}
