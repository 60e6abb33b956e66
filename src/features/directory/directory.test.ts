import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { communities } from '../memberships/communities.ts';
import { FormError } from '../shared/errors.ts';
import { guideBlocks } from './directory.ts';

const actor = { id: null, label: 'Test staff' };

describe('guide text', () => {
  it('turns blank-line paragraphs and "- " lines into blocks, keeping markup as text', () => {
    expect(guideBlocks('Intro line\nsecond\n\n- one\n- <b>two</b>\n\nEnd')).toEqual([
      { kind: 'paragraph', text: 'Intro line second' },
      { kind: 'list', items: ['one', '<b>two</b>'] },
      { kind: 'paragraph', text: 'End' },
    ]);
  });
});

describeEachDatabase('directory and guides', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
  });
  afterAll(async () => t.services.analytics.close());

  it('starts with a plain-English guide for every group', async () => {
    const guides = await t.services.directory.guides();
    expect(guides.map((g) => g.community).sort()).toEqual([...communities].sort());
  });

  it('finds organisations by words and by group served', async () => {
    const { directory } = t.services;
    await directory.create(actor, {
      name: 'Signing Together',
      scope: 'local',
      area: 'Riverside City',
      description: 'BSL social group and advocacy',
      website: 'https://signing.example.org',
      communities: ['Deaf and hard of hearing people'],
    });
    await directory.create(actor, {
      name: 'Carers Voice',
      scope: 'national',
      area: 'England',
      description: 'Campaigns for unpaid carers',
      communities: ['Unpaid carers', 'Older people'],
    });
    expect((await directory.search({ q: 'bsl' })).map((e) => e.name)).toEqual(['Signing Together']);
    expect((await directory.search({ community: 'Older people' })).map((e) => e.name)).toEqual([
      'Carers Voice',
    ]);
    expect((await directory.search({ scope: 'local', q: '%' })).map((e) => e.name)).toEqual([
      'Signing Together',
    ]);
    await expect(
      directory.create(actor, { name: 'No groups', scope: 'local', area: 'x', description: 'y' }),
    ).rejects.toThrow(FormError);
  });

  it('keeps a guide edit and who made it', async () => {
    const { directory } = t.services;
    await directory.editGuide(actor, 'men', {
      summary: 'Go where men are.',
      body: 'Barbers\n\n- Football clubs',
    });
    const guide = await directory.guide('men');
    expect(guide.summary).toBe('Go where men are.');
    expect(guide.updatedByLabel).toBe('Test staff');
  });
});
