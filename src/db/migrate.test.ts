import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { migrateDown, migrateToLatest, pendingMigrations } from './migrate.ts';

describeEachDatabase('migrations', (current) => {
  it('apply, revert and apply again, leaving nothing pending', async () => {
    const { db } = current().handle;
    expect(await pendingMigrations(db)).toEqual([]);
    const reverted = await migrateDown(db);
    expect(reverted).toHaveLength(1);
    expect(await pendingMigrations(db)).toEqual(reverted);
    expect(await migrateToLatest(db)).toEqual(reverted);
    expect(await pendingMigrations(db)).toEqual([]);
  });
});
