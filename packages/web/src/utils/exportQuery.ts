// The query of a list's .xlsx export.
/** Drops empty filters and paging: an export holds the whole filtered list. */
export function exportQuery(query: object = {}): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(query))
    if (
      (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') &&
      v !== '' &&
      k !== 'page' &&
      k !== 'pageSize'
    )
      out[k] = v;
  return out;
}
