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

describeEachDatabase('migration 0008 (result versions), reverted', (current) => {
  it('keeps the published version where a result also has a draft', async () => {
    const { db } = current().handle;
    const at = new Date().toISOString();
    await db
      .insertInto('analytics_datasets')
      .values({
        id: 'd1',
        name: 'Versions',
        source_file: 'v.csv',
        file_format: 'csv',
        lsoa_vintage: '2021',
        status: 'ready',
        stage: 'done',
        progress: 100,
        rows_read: 1,
        rows_stored: 1,
        rows_with_problems: 0,
        mapping_json: null,
        fields_json: null,
        report_json: null,
        error: null,
        imported_by: null,
        imported_by_label: 'Test',
        created_at: at,
        updated_at: at,
      })
      .execute();
    const result = { dataset_id: 'd1', indicator_key: 'dna', title: 'DNA', result_json: '{}' };
    const common = {
      computed_at: at,
      computed_by_label: 'Test',
      published_at: null,
      published_by_label: null,
    };
    await db
      .insertInto('analytics_results')
      .values([
        { ...result, ...common, id: 'r-published', status: 'published' },
        { ...result, ...common, id: 'r-draft', status: 'draft' },
      ])
      .execute();
    expect(await migrateDown(db)).toEqual(['0010_dataset_adds_to']);
    expect(await migrateDown(db)).toEqual(['0009_dataset_pending_name']);
    expect(await migrateDown(db)).toEqual(['0008_result_versions']);
    const left = await db.selectFrom('analytics_results').select(['id']).execute();
    expect(left.map((r) => r.id)).toEqual(['r-published']);
    await migrateToLatest(db);
    await db.deleteFrom('analytics_datasets').where('id', '=', 'd1').execute();
  });
});

/** The columns of a ready dataset's record that every migration since 0004 has had. */
function readyDataset(sourceFile: string) {
  const at = new Date().toISOString();
  return {
    source_file: sourceFile,
    file_format: 'csv',
    lsoa_vintage: '2021',
    status: 'ready',
    stage: 'done',
    progress: 100,
    imported_by_label: 'Test',
    created_at: at,
    updated_at: at,
  };
}

describeEachDatabase('migration 0009 (pending dataset names), reverted', (current) => {
  it('drops imports that never took their name and keeps the datasets that did', async () => {
    const { db } = current().handle;
    const dataset = readyDataset('w.csv');
    await db
      .insertInto('analytics_datasets')
      .values([
        { ...dataset, id: 'ready', name: 'Waits' },
        { ...dataset, id: 'pending', name: 'importing:pending', pending_name: 'Waits', status: 'failed' },
      ])
      .execute();
    expect(await migrateDown(db)).toEqual(['0010_dataset_adds_to']);
    expect(await migrateDown(db)).toEqual(['0009_dataset_pending_name']);
    const left = await db.selectFrom('analytics_datasets').select(['id', 'name']).execute();
    expect(left).toEqual([{ id: 'ready', name: 'Waits' }]);
    await migrateToLatest(db);
    await db.deleteFrom('analytics_datasets').where('id', '=', 'ready').execute();
  });
});

describeEachDatabase('migration 0010 (files added to a dataset), reverted', (current) => {
  it('keeps the datasets, without the record of what an import added to', async () => {
    const { db } = current().handle;
    const dataset = readyDataset('april.csv and may.csv');
    await db
      .insertInto('analytics_datasets')
      .values({ ...dataset, id: 'added', name: 'Clinics', adds_to: 'earlier' })
      .execute();
    expect(await migrateDown(db)).toEqual(['0010_dataset_adds_to']);
    const left = await db.selectFrom('analytics_datasets').selectAll().execute();
    expect(left.map((r) => [r.id, r.name, r.source_file])).toEqual([
      ['added', 'Clinics', 'april.csv and may.csv'],
    ]);
    expect(left[0]).not.toHaveProperty('adds_to');
    await migrateToLatest(db);
    await db.deleteFrom('analytics_datasets').where('id', '=', 'added').execute();
  });
});
