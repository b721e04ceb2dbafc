import fc from 'fast-check';
import { EventId } from '../events/event-id';
import { uuidv7 } from '../events/ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('ids the service assigns (UUIDv7)', () => {
  test('given a clock that moves on, when an id is made, then it is a valid v7 event id carrying that millisecond', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0, 123);
    const id = uuidv7(now);
    expect(id).toMatch(V7);
    expect(EventId.parse(id)).toBe(id);
    expect(msOf(id)).toBe(now);
  });

  test('given any clock readings, even repeated or stepping back, when ids are made, then they sort in the order made', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 47 }), { minLength: 2, maxLength: 50 }), (clock) => {
        const ids = clock.map((now) => uuidv7(now));
        for (const id of ids) expect(id).toMatch(V7);
        expect([...ids].sort()).toEqual(ids);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  test('given more ids in one millisecond than the counter holds, when they are made, then the next millisecond is borrowed and order kept', () => {
    const now = 2 ** 47 + 1000;
    const ids = Array.from({ length: 5000 }, () => uuidv7(now));
    expect([...ids].sort()).toEqual(ids);
    expect(msOf(ids[0]!)).toBe(now);
    expect(msOf(ids[4999]!)).toBe(now + 1);
  });
});
