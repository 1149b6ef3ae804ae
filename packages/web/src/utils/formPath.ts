// Server error fields (`milestones.1.weight`) as antd form name paths. Pure, so that it is unit-tested.

export type NamePath = (string | number)[];

/**
 * The form path of a server error's `field` (`milestones.1.weight` → ['milestones', 1, 'weight']), renamed by
 * `aliases` (the server's `annualPlanFen` is the form's `annualPlanWan`; a key ending in `.fen` may be renamed
 * too), cut back to the longest prefix for which `exists` answers true (an error on `milestones.1.id` lands on
 * the row). Undefined when not even the first segment exists.
 */
export function formPathOf(
  field: string | undefined,
  exists: (path: NamePath) => boolean,
  aliases: Record<string, string> = {},
): NamePath | undefined {
  if (!field) return undefined;
  const cleaned = field.replace(/^body\./, '');
  const renamed = aliases[cleaned] ?? cleaned;
  const path: NamePath = renamed.split('.').map((seg) => {
    const alias = aliases[seg] ?? seg;
    return /^\d+$/.test(alias) ? Number(alias) : alias;
  });
  for (let n = path.length; n > 0; n--) {
    const prefix = path.slice(0, n);
    if (exists(prefix)) return prefix;
  }
  return undefined;
}
