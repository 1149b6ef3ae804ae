// Region settings: every signed-in account reads them (they shape what the UI offers); the system administrator
// changes them, audited. Other services read them through `regionSettings`.
import { assertAuthorized, validationError } from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { recordAudit } from '../audit/service.ts';
import { actorOf } from '../units/service.ts';
import { catchUpRegion } from '../warnings/engine.ts';
import * as repo from './repository.ts';
import { DEFAULT_SETTINGS, type SettingsPatch, type SettingsView } from './schema.ts';

const viewOf = (row: repo.SettingsRow | undefined): SettingsView =>
  row
    ? {
        reportApprovalRequired: row.report_approval_required === 1,
        reminderDaysBefore: Number(row.reminder_days_before),
        evidenceMaxBytes: Number(row.evidence_max_bytes),
        demoToday: row.demo_today,
      }
    : { ...DEFAULT_SETTINGS };

/** The region's settings, defaults where the region has never saved any. */
export async function regionSettings(db: Queryable, regionId: string): Promise<SettingsView> {
  return viewOf(await repo.findSettings(db, regionId));
}

export async function getSettings(db: Db, ctx: RequestContext): Promise<SettingsView> {
  const actor = actorOf(ctx);
  return regionSettings(db, actor.regionId);
}

export async function updateSettings(
  db: Db,
  ctx: RequestContext,
  patch: SettingsPatch,
): Promise<SettingsView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'settings.manage', { regionId: actor.regionId });
  const saved = await db.transaction().execute(async (trx) => {
    const before = await regionSettings(trx, actor.regionId);
    if (patch.demoToday && !(await repo.isDemoRegion(trx, actor.regionId)))
      throw validationError('demo_only', 'demoToday');
    const after: SettingsView = {
      reportApprovalRequired: patch.reportApprovalRequired ?? before.reportApprovalRequired,
      reminderDaysBefore: patch.reminderDaysBefore ?? before.reminderDaysBefore,
      evidenceMaxBytes: patch.evidenceMaxBytes ?? before.evidenceMaxBytes,
      demoToday: patch.demoToday === undefined ? before.demoToday : patch.demoToday,
    };
    const changed = (Object.keys(after) as (keyof SettingsView)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return { after, movedOn: false };
    await repo.saveSettings(trx, {
      region_id: actor.regionId,
      report_approval_required: after.reportApprovalRequired ? 1 : 0,
      reminder_days_before: after.reminderDaysBefore,
      evidence_max_bytes: after.evidenceMaxBytes,
      demo_today: after.demoToday,
      updated_at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'settings.update',
      entity: 'region_settings',
      entityId: actor.regionId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return { after, movedOn: !!after.demoToday && (!before.demoToday || after.demoToday > before.demoToday) };
  });
  // A demo's day moved on: the warning engine lives through the days in between, as its daily run would have.
  if (saved.movedOn) await catchUpRegion(db, actor.regionId, { now: ctx.now });
  return saved.after;
}
