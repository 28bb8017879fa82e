// The practice library in a real browser, with JavaScript on and off: staff of Hedensted publish one of
// their initiatives as a case (the form is prefilled from the initiative; the case shows what was
// measured on Samskab beside what the municipality states); staff of Lemvig search for it across the
// network, adopt it, land on the draft initiative in Lemvig that says where it came from, and see
// Lemvig among the adoptions on the case page. axe checks every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { createPerson, type TestPerson } from '../../src/testing/actors.js';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities'] });

async function municipalityId(harness: Harness, slug: string): Promise<number> {
  return harness.db.transaction({ municipalityId: null }, async (tx) => {
    const r = await sql<{ id: number }>`select id from municipalities where slug = ${slug}`.execute(tx);
    assert.ok(r.rows[0], `municipality ${slug} is not seeded`);
    return r.rows[0].id;
  });
}

async function actAs(harness: Harness, page: Page, who: TestPerson): Promise<void> {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: 'samskab_session', value: who.sessionToken, url: harness.baseUrl }]);
}

for (const js of [true, false]) {
  const mode = js ? 'JS on' : 'JS off';
  const word = js ? 'Juelsminde' : 'Hornsyld';
  test(`Hedensted publishes an initiative as a case; Lemvig finds it, adopts it and sees the adoption (${mode})`, async (t) => {
    const harness = h();
    const [hed, lem] = await Promise.all([municipalityId(harness, 'hedensted'), municipalityId(harness, 'lemvig')]);
    const [hedStaff, lemStaff] = await Promise.all([
      createPerson(harness.db, { name: `Henriette Hedensted ${mode}`, roles: [[hed, 'facilitator']] }),
      createPerson(harness.db, { name: `Lasse Lemvig ${mode}`, roles: [[lem, 'admin']] }),
    ]);
    const title = `Borgerbussen i ${word}`;
    const initiativeId = await harness.db.transaction({ municipalityId: hed, userId: hedStaff.id }, async (tx) => {
      const r = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang, state, created_by)
        values (${hed}, ${title}, ${`Bybussen i ${word} kører tom det meste af dagen.`},
          ${'Borgerne tegner en ny rute med trafikselskabet, og besparelsen betaler en lille bybus.'}, 'da', 'active', ${hedStaff.id}) returning id`.execute(tx);
      return r.rows[0]!.id;
    });

    // Hedensted's facilitator publishes the initiative from its page; the form is prefilled.
    const page = await harness.page(t, { js, width: js ? 1280 : 375 });
    await actAs(harness, page, hedStaff);
    await harness.visit(page, `/m/hedensted/initiatives/${initiativeId}`);
    await harness.navigateBy(page, page.getByRole('link', { name: 'Udgiv initiativet som case i netværket' }));
    assert.equal(await page.getByLabel('Titel (dansk)', { exact: true }).inputValue(), title);
    assert.match(await page.getByLabel('Sådan gjorde vi (dansk) (valgfrit)', { exact: true }).inputValue(), /Borgerne tegner en ny rute/);
    await page.getByLabel('Titel (engelsk)', { exact: true }).fill(`The citizens’ bus in ${word}`);
    await page.getByLabel('Kort resumé (engelsk) (valgfrit)', { exact: true }).fill('Residents redrew the bus route; the saving pays for a town bus.');
    await page.getByLabel('Mobilitet og transport', { exact: true }).check();
    await page.getByLabel('Partnerskabets struktur', { exact: true }).check();
    await page.getByLabel('Besparelse, I selv opgør (kr. om året) (valgfrit)', { exact: true }).fill('380.000');
    await harness.navigateBy(page, page.getByRole('button', { name: 'Udgiv som case' }));
    assert.match(new URL(page.url()).pathname, /^\/network\/cases\/\d+-\d+$/);
    const casePath = new URL(page.url()).pathname;
    assert.ok(await page.getByText('Initiativet er udgivet som case.').isVisible());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
    const figures = page.locator('section[aria-labelledby="evidence-heading"]');
    assert.ok(await figures.getByRole('heading', { name: 'Målt på Samskab' }).isVisible());
    assert.ok(await figures.getByRole('heading', { name: 'Oplyst af kommunen' }).isVisible());
    assert.match(await figures.innerText(), /380\.000\s*kr\./);

    // Lemvig's admin finds it by searching the whole network, and adopts it.
    await actAs(harness, page, lemStaff);
    await harness.visit(page, '/network');
    await page.getByLabel('Søg i alle kommuners cases', { exact: true }).fill(`borgerbussen ${word}`);
    await harness.navigateBy(page, page.getByRole('button', { name: 'Søg', exact: true }));
    assert.equal(new URL(page.url()).pathname, '/network/cases');
    await harness.navigateBy(page, page.getByRole('main').getByRole('link', { name: title }));
    assert.equal(new URL(page.url()).pathname, casePath);
    const adopt = page.locator('section[aria-labelledby="adopt-heading"]');
    assert.match(await adopt.innerText(), /Lemvig Kommune/);
    await harness.navigateBy(page, adopt.getByRole('button', { name: 'Tag praksissen i brug' }));
    assert.match(new URL(page.url()).pathname, /^\/m\/lemvig\/initiatives\/\d+$/);
    const draftPath = new URL(page.url()).pathname;
    assert.ok(await page.getByText('Praksissen er taget i brug. Her er jeres udkast til et initiativ.').isVisible());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
    const lineage = page.getByRole('link', { name: `Taget i brug fra casen »${title}« fra Hedensted Kommune` });
    assert.ok(await lineage.isVisible());

    // The case page shows Lemvig among the adoptions, with the draft's state, and the pooled figures.
    await harness.navigateBy(page, lineage);
    assert.equal(new URL(page.url()).pathname, casePath);
    const adoptions = page.locator('section[aria-labelledby="adoptions-heading"]');
    assert.ok(await adoptions.getByRole('cell', { name: 'Lemvig Kommune' }).isVisible());
    assert.ok(await adoptions.getByRole('link', { name: title }).isVisible());
    assert.match(await adoptions.innerText(), /Idé/);
    assert.match(await adoptions.innerText(), /Kommuner, der har taget den i brug\s*1/);
    assert.match(await adopt.innerText(), /Lemvig Kommune har taget praksissen i brug/);

    // Adopting again is idempotent: the same draft.
    if (!js) {
      const again = await page.context().request.post(`${harness.baseUrl}${casePath}/adopt`, { form: { municipality: String(lem), _csrf: await page.locator('input[name="_csrf"]').first().inputValue() }, maxRedirects: 0 });
      assert.equal(again.status(), 303);
      assert.equal(again.headers()['location'], draftPath);
    }
    const [caseMid, caseId] = casePath.split('/').pop()!.split('-').map(Number);
    const n = await harness.db.transaction({ municipalityId: lem }, async (tx) => Number((await sql<{ n: number }>`select count(*) as n from network_adoptions
      where municipality_id = ${lem} and case_municipality_id = ${caseMid} and case_id = ${caseId}`.execute(tx)).rows[0]!.n));
    assert.equal(n, 1);
  });
}

// Search and filter the library as a visitor (engineer B's part): text in either language, a facet
// whose option shows its count, the measured-savings filter and its removal, no results, a refused
// parameter, and the comparison of member municipalities.
for (const js of [true, false]) {
  const mode = js ? 'JS on' : 'JS off';
  const word = js ? 'Stouby' : 'Ørsted';
  test(`a visitor searches the practice library and narrows it with facets (${mode})`, async (t) => {
    const harness = h();
    const [hed, lem] = await Promise.all([municipalityId(harness, 'hedensted'), municipalityId(harness, 'lemvig')]);
    const add = (mid: number, values: { da?: string; en?: string; themes: string[]; savings: number | null }) =>
      harness.db.transaction({ municipalityId: mid }, (tx) =>
        sql`insert into network_cases (municipality_id, status, published, published_at, title_da, title_en, summary_da, themes, municipality_size,
            evidence_hours, evidence_savings_ore, evidence_refreshed_at)
          values (${mid}, 'running', true, now(), ${values.da ?? null}, ${values.en ?? null}, ${values.da ? `Sådan gør vi i ${word}.` : null},
            ${sql.val(values.themes)}::text[], 'medium', ${values.savings === null ? null : 12}, ${values.savings}, ${values.savings === null ? null : new Date()})`.execute(tx),
      );
    await add(hed, { da: `Fælles rengøringshold i ${word}`, themes: ['environment'], savings: 8_000_000 });
    await add(lem, { en: `Joint cleaning squad in ${word}`, themes: ['environment', 'nature'], savings: null });
    await add(hed, { da: `Madklub for ældre i ${word}`, themes: ['food'], savings: null });

    const page = await harness.page(t, { js, width: js ? 1280 : 375 });
    await harness.visit(page, '/network/cases');
    const results = page.locator('#results-heading');
    await page.getByLabel('Søgeord', { exact: true }).fill(word);
    await harness.navigateBy(page, page.getByRole('button', { name: 'Søg', exact: true }));
    assert.equal(await results.innerText(), `3 praksisser for »${word}«`);
    // The theme facet counts the current result set.
    const theme = page.getByLabel('Tema', { exact: true });
    assert.equal((await theme.locator('option[value="environment"]').innerText()).trim(), 'Miljø og klima (2)');
    await theme.selectOption('environment');
    await harness.navigateBy(page, page.getByRole('button', { name: 'Søg', exact: true }));
    assert.equal(await results.innerText(), `2 praksisser for »${word}«`);
    const list = page.locator('.net-card-list');
    assert.ok(await list.getByRole('link', { name: `Joint cleaning squad in ${word}` }).isVisible(), 'the English-only case too');
    await page.getByLabel('Kun praksisser med målte besparelser (1)').check();
    await harness.navigateBy(page, page.getByRole('button', { name: 'Søg', exact: true }));
    assert.equal(await results.innerText(), `1 praksis for »${word}«`);
    assert.ok(await list.getByRole('link', { name: `Fælles rengøringshold i ${word}` }).isVisible());
    // Each chosen filter can be removed with one link.
    await harness.navigateBy(page, page.getByRole('link', { name: 'Fjern filter: Kun praksisser med målte besparelser' }));
    assert.equal(await results.innerText(), `2 praksisser for »${word}«`);
    await page.getByLabel('Søgeord', { exact: true }).fill(`${word} zebraovergang`);
    await harness.navigateBy(page, page.getByRole('button', { name: 'Søg', exact: true }));
    assert.ok(await page.getByRole('heading', { name: 'Ingen praksisser passer til søgningen' }).isVisible());
    // A parameter off the list is answered with 400 and the reason at the field.
    await harness.visit(page, '/network/cases?theme=sport', { status: 400 });
    assert.ok(await page.getByText('Vælg et af netværkets temaer.').first().isVisible());
    // The comparison of member municipalities: a table and bars, the figure chosen with a plain form.
    await harness.visit(page, '/network/compare');
    await page.getByLabel('Vis søjler for', { exact: true }).selectOption('savings');
    await harness.navigateBy(page, page.getByRole('button', { name: 'Vis', exact: true }));
    assert.match(new URL(page.url()).search, /metric=savings/);
    assert.ok(await page.getByRole('table').isVisible());
    assert.ok(await page.getByRole('cell', { name: 'Hedensted Kommune' }).isVisible());
  });
}

registryTest(h);
