import fc from 'fast-check';

/**
 * Event times a hostile or broken peer sends: any epoch number (seconds, milliseconds,
 * microseconds, fractions), the edges of what a Date holds (8.64e15 ms), just inside the future
 * skew, and ISO strings at the far ends. Shared by the exporters' ingest property tests.
 */
export function anyEventTime(): fc.Arbitrary<number | string> {
  return fc.oneof(
    fc.integer({ min: 0, max: 1e16 }),
    fc.double({ min: 0 }),
    fc.constantFrom(
      9e15,
      8.64e15,
      8.64e15 + 1,
      Date.now() + 299_000,
      '9999-12-31T23:59:59Z',
      '2000-01-01T00:00:00Z',
    ),
  );
}
