// Supervision bulletins (督查通报) and the monthly meeting pack (月度例会) in a real browser: the supervisor opens
// April 2022's pack — the month's warnings and the Wangcun Bridge review on its agenda — and downloads it as .docx;
// checks the numbering settings (a bad format is refused on its field); drafts a bulletin from
// 2022-04-01..2022-04-20, retitles it, a leader approves it, the supervisor publishes it (its number shown);
// 大东坝镇's manager, on a phone, acknowledges an older bulletin from the list and opens the new one, which records
// the town's receipt; the supervisor's receipts panel shows the town as read. Publishing changes the county's
// bulletins, so it runs against a server of its own.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './browser.ts';
import { startServer } from './setup/server.ts';

const TOWN = '大东坝镇';
const REVIEW = '王村大桥拓宽改造工程复盘分析';
const TITLE = '关于2022年4月上中旬执行力建设督查情况的通报（e2e）';

let base = '';

async function logIn(page: Page, username: string) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Benpao#2022');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);

interface PackJson {
  empty: boolean;
  warningsIssued: { unitName: string }[];
  reviews: { id: string; title: string }[];
}

interface BulletinJson {
  id: string;
  number: string | null;
  title: string;
  status: string;
  readByMyUnit: boolean | null;
}

describe.skipIf(!browserAvailable)('bulletins and the monthly meeting pack in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await startServer();
    base = server.baseUrl;
    stop = server.stop;
    ({ browser, close } = await launch());
  });
  afterAll(async () => {
    await close?.();
    await stop?.();
  });

  it('packs April for the meeting, and a bulletin goes from draft to the town’s receipt', async () => {
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const supervisor = await desk.newPage();
    await logIn(supervisor, 'supervisor');

    // April's pack: the warnings issued in the month and the Wangcun Bridge review on the agenda.
    await supervisor.getByTestId('menu-meetings').click();
    await supervisor.getByTestId('meeting-pack').waitFor();
    await supervisor.goto(`${base}/meetings?month=2022-04`);
    await expect
      .poll(() => supervisor.getByTestId('meeting-pack').getAttribute('data-month'))
      .toBe('2022-04');
    const pack = (await (
      await supervisor.request.get(`${base}/api/meetings/2022-04/pack`)
    ).json()) as PackJson;
    expect(pack.empty).toBe(false);
    expect(pack.warningsIssued.length).toBeGreaterThan(0);
    await expect
      .poll(() => supervisor.getByTestId('pack-warning-issued').count())
      .toBe(pack.warningsIssued.length);
    expect(await supervisor.getByTestId('pack-empty').count()).toBe(0);
    const review = supervisor.locator(`[data-testid=pack-review][data-title="${REVIEW}"]`);
    await review.waitFor();
    const wangcun = pack.reviews.find((r) => r.title === REVIEW)!;
    expect(await review.getByTestId('pack-review-link').getAttribute('href')).toBe(
      `/post-mortems/${wangcun.id}`,
    );
    expect(await supervisor.getByTestId('pack-figure-lightsIssued').innerText()).toMatch(/\d/);

    // The pack as a Word document: the server's file name, a zip (PK…) with something in it.
    const download = supervisor.waitForEvent('download', { timeout: 60_000 });
    const packed = supervisor.waitForResponse((r) => r.url().endsWith('/api/meetings/2022-04/pack.docx'), {
      timeout: 60_000,
    });
    await supervisor.getByTestId('meeting-docx').click();
    expect((await packed).status()).toBe(200);
    const docx = await download;
    expect(docx.suggestedFilename()).toBe('月度例会材料-2022-04.docx');
    const bytes = fs.readFileSync((await docx.path())!);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Printing shows the pack alone: no menu, no header, no buttons.
    await supervisor.emulateMedia({ media: 'print' });
    expect(await supervisor.getByTestId('side-menu').isVisible()).toBe(false);
    expect(await supervisor.getByTestId('meeting-docx').isVisible()).toBe(false);
    expect(await supervisor.getByTestId('pack-summary').isVisible()).toBe(true);
    await supervisor.emulateMedia({ media: 'screen' });

    // Editing April's meeting while another supervisor saves first: the change is refused, not overwritten, and
    // saving once more keeps both (the dialog sends only what this reader changed).
    type MeetingJson = { title: string; notes: string | null; rowVersion: number };
    const meetingNow = async () =>
      (await (await supervisor.request.get(`${base}/api/meetings/2022-04`)).json()) as MeetingJson;
    const meetingBefore = await meetingNow();
    await supervisor.getByTestId('meeting-edit').click();
    await supervisor.getByTestId('meeting-title').fill('四月项目推进例会（修订）');
    const other = await supervisor.request.patch(`${base}/api/meetings/2022-04`, {
      data: { notes: '另一位督查员的补充', rowVersion: meetingBefore.rowVersion },
    });
    expect(other.status()).toBe(200);
    const refused = supervisor.waitForResponse(
      (r) => r.url().endsWith('/api/meetings/2022-04') && r.request().method() === 'PATCH',
    );
    await supervisor.getByTestId('meeting-save').click();
    expect((await refused).status()).toBe(409);
    await expect.poll(() => supervisor.locator('.ant-message').innerText()).toContain('数据已被他人修改');
    // The pack has been read again (the other's notes show under the dialog): saving once more goes through.
    await expect
      .poll(() => supervisor.getByTestId('meeting-pack').innerText())
      .toContain('另一位督查员的补充');
    const resaved = supervisor.waitForResponse(
      (r) => r.url().endsWith('/api/meetings/2022-04') && r.request().method() === 'PATCH',
    );
    await supervisor.getByTestId('meeting-save').click();
    expect((await resaved).status()).toBe(200);
    expect(await meetingNow()).toMatchObject({
      title: '四月项目推进例会（修订）',
      notes: '另一位督查员的补充',
      rowVersion: meetingBefore.rowVersion + 2,
    });

    // April's meeting (recorded by the demo) takes a commitment with its deadline.
    const commitments = await supervisor.getByTestId('commitment-row').count();
    await supervisor.getByTestId('commitment-add').click();
    await supervisor.getByTestId('commitment-text').fill('县林业局牵头复核疫木除治进度（e2e）');
    await supervisor.locator('.ant-modal').getByTestId('commitment-deadline').click();
    await supervisor.keyboard.type('2022-05-15');
    await supervisor.keyboard.press('Enter');
    const committed = supervisor.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/meetings/2022-04/commitments'),
    );
    await supervisor.getByTestId('commitment-save').click();
    expect((await committed).status()).toBe(201);
    await expect.poll(() => supervisor.getByTestId('commitment-row').count()).toBe(commitments + 1);
    expect(await supervisor.getByTestId('commitment-row').filter({ hasText: '2022-05-15' }).count()).toBe(1);

    // A bulletin draft from 2022-04-01..2022-04-20.
    const before = (await (
      await supervisor.request.get(`${base}/api/bulletins?status=published&year=2022`)
    ).json()) as { total: number };
    await supervisor.getByTestId('menu-bulletins').click();

    // The numbering: a format without {seq} is refused on its field, in the reader's language; the county's own
    // format is saved again.
    await supervisor.getByTestId('bulletin-settings').click();
    const format = supervisor.getByTestId('bulletin-settings-format');
    await expect.poll(() => format.inputValue()).toBe('松执专〔{year}〕{seq}号');
    await format.fill('松执专〔{year}〕号');
    await supervisor.getByTestId('bulletin-settings-ok').click();
    await expect
      .poll(() => supervisor.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts())
      .toEqual([expect.stringContaining('文号格式')]);
    await format.fill('松执专〔{year}〕{seq}号');
    const settingsSaved = supervisor.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/bulletins/settings'),
    );
    await supervisor.getByTestId('bulletin-settings-ok').click();
    expect((await settingsSaved).status()).toBe(200);
    await format.waitFor({ state: 'detached' });

    await supervisor.getByTestId('bulletin-draft').click();
    const inputs = supervisor.locator('.ant-modal .ant-picker-range input');
    await inputs.nth(0).click();
    await supervisor.keyboard.type('2022-04-01');
    await supervisor.keyboard.press('Enter');
    await inputs.nth(1).click();
    await supervisor.keyboard.type('2022-04-20');
    await supervisor.keyboard.press('Enter');
    const drafted = supervisor.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/bulletins/drafts'),
    );
    await supervisor.getByTestId('bulletin-draft-ok').click();
    const draftResponse = await drafted;
    expect(draftResponse.status()).toBe(201);
    const draft = (await draftResponse.json()) as BulletinJson & { periodFrom: string; periodTo: string };
    expect([draft.periodFrom, draft.periodTo]).toEqual(['2022-04-01', '2022-04-20']);
    await supervisor.waitForURL(new RegExp(`/bulletins/${draft.id}`));
    await supervisor.getByTestId('bulletin-document').waitFor();
    expect(await supervisor.getByTestId('bulletin-status').getAttribute('data-status')).toBe('draft');
    expect(await supervisor.getByTestId('bulletin-number').innerText()).toContain('草稿');

    // A new title and a closing line in bold through the toolbar, saved against the draft's row version.
    await supervisor.getByTestId('bulletin-edit-title').fill(TITLE);
    const editor = supervisor.getByTestId('bulletin-editor');
    await expect.poll(() => editor.innerText()).not.toBe('');
    await editor.click();
    await supervisor.keyboard.press('Control+End');
    await supervisor.keyboard.press('Enter');
    await supervisor.getByTestId('bulletin-tool-bold').click();
    await supervisor.keyboard.type('请各单位对照整改（e2e）');
    const saved = supervisor.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/bulletins/${draft.id}`),
    );
    await supervisor.getByTestId('bulletin-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => supervisor.getByTestId('bulletin-title').innerText()).toBe(TITLE);
    // The server's sanitised text keeps the draft's body and the bold line.
    const body = supervisor.getByTestId('bulletin-body');
    expect(await body.locator('b, strong').filter({ hasText: '请各单位对照整改（e2e）' }).count()).toBe(1);
    expect((await body.innerText()).length).toBeGreaterThan(100);
    await expect.poll(() => supervisor.getByTestId('bulletin-editor').count()).toBe(0);
    // The drafter may not approve their own draft.
    expect(await supervisor.getByTestId('bulletin-approve').count()).toBe(0);

    // The leader approves.
    const office = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const leader = await office.newPage();
    await logIn(leader, 'leader');
    await leader.goto(`${base}/bulletins/${draft.id}`);
    await expect.poll(() => leader.getByTestId('bulletin-title').innerText()).toBe(TITLE);
    const approved = leader.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/bulletins/${draft.id}/approve`),
    );
    await leader.getByTestId('bulletin-approve').click();
    expect((await approved).status()).toBe(200);
    await expect
      .poll(() => leader.getByTestId('bulletin-status').getAttribute('data-status'))
      .toBe('approved');
    expect(await leader.getByTestId('bulletin-publish').count()).toBe(0);

    // The supervisor publishes, after confirming: the number is given and shown.
    await supervisor.reload();
    await supervisor.getByTestId('bulletin-publish').click();
    const published = supervisor.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/bulletins/${draft.id}/publish`),
    );
    await supervisor.getByTestId('bulletin-publish-ok').click();
    const publishResponse = await published;
    expect(publishResponse.status()).toBe(200);
    const number = ((await publishResponse.json()) as BulletinJson).number;
    expect(number).toBe(`松执专〔2022〕${before.total + 1}号`);
    await expect.poll(() => supervisor.getByTestId('bulletin-number').innerText()).toBe(number);
    expect(await supervisor.getByTestId('bulletin-status').getAttribute('data-status')).toBe('published');
    await expect
      .poll(() =>
        supervisor.locator(`[data-testid=receipt-row][data-unit="${TOWN}"]`).getAttribute('data-read'),
      )
      .toBe('false');

    // The town's manager on a phone: the new bulletin is unread; an older one is acknowledged from the list.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const town = await phone.newPage();
    await logIn(town, 'dadongba');
    await town.goto(`${base}/bulletins`);
    const newRow = town.locator(`[data-testid=bulletin-row][data-id="${draft.id}"]`);
    await newRow.waitFor();
    expect(await newRow.getByTestId('bulletin-read-tag').getAttribute('data-read')).toBe('false');
    const unreadOlder = town
      .locator(`[data-testid=bulletin-row]:not([data-id="${draft.id}"])`)
      .filter({ has: town.getByTestId('bulletin-list-mark-read') })
      .first();
    const olderId = (await unreadOlder.getAttribute('data-id'))!;
    const olderRow = town.locator(`[data-testid=bulletin-row][data-id="${olderId}"]`);
    const markedOlder = town.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/bulletins/${olderId}/read`),
    );
    await olderRow.getByTestId('bulletin-list-mark-read').click();
    expect((await markedOlder).status()).toBe(200);
    await expect.poll(() => olderRow.getByTestId('bulletin-read-tag').getAttribute('data-read')).toBe('true');
    await noSidewaysScroll(town);

    // Opening the new bulletin records the town's receipt.
    const read = town.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/bulletins/${draft.id}/read`),
    );
    await newRow.getByTestId('bulletin-link').click();
    const readResponse = await read;
    expect(readResponse.status()).toBe(200);
    expect(((await readResponse.json()) as { firstRead: boolean }).firstRead).toBe(true);
    await town.getByTestId('bulletin-read-status').waitFor();
    expect(await town.getByTestId('bulletin-number').innerText()).toBe(number);
    expect(await town.getByTestId('bulletin-title').innerText()).toBe(TITLE);
    expect(await town.getByTestId('bulletin-receipts').count()).toBe(0);
    await noSidewaysScroll(town);
    await town.goto(`${base}/bulletins`);
    await expect.poll(() => newRow.getByTestId('bulletin-read-tag').getAttribute('data-read')).toBe('true');
    await phone.close();

    // The supervisor's receipts: the town has read it, with who and when.
    await supervisor.reload();
    const townReceipt = supervisor.locator(`[data-testid=receipt-row][data-unit="${TOWN}"]`);
    await expect.poll(() => townReceipt.getAttribute('data-read')).toBe('true');
    expect(await townReceipt.innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await office.close();
    await desk.close();

    // The leader reads the pack on a phone without sideways scrolling.
    const leaderPhone = await browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const mobileLeader = await leaderPhone.newPage();
    await logIn(mobileLeader, 'leader');
    await mobileLeader.goto(`${base}/meetings?month=2022-04`);
    await mobileLeader.locator(`[data-testid=pack-review][data-title="${REVIEW}"]`).waitFor();
    expect(await mobileLeader.getByTestId('commitment-add').count()).toBe(0);
    await noSidewaysScroll(mobileLeader);
    await leaderPhone.close();
  });
});
