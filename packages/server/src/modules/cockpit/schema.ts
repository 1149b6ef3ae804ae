// The leader cockpit (领导驾驶舱): the first screen of the roles that read the whole region. Every figure carries the
// path and query of the list that shows the same records (`/warnings?kind=light&colour=red&state=open`): the web
// app opens it as a page, and `/api` + the same path and query is the list endpoint that counts them.
import { CASE_STATES, COLOURS, WARNING_KINDS, WARNING_STATES } from '@benpao/domain';
import { z } from 'zod';

export const cockpitQuery = z.strictObject({
  /** `1`: narrow the item figures to the items the caller is the leader in charge (牵头领导) of. */
  mine: z.enum(['0', '1']).optional(),
});
export type CockpitQuery = z.infer<typeof cockpitQuery>;

/**
 * A count and the list behind it. `link` is null only where no list filter reproduces the count: the lights on a
 * leader's own items (the warning list has no leader filter) and the number of items with open lights (the board
 * lists lights, not items); the cockpit then lists those records itself (items at risk).
 */
export const figure = z.object({ count: z.number().int(), link: z.string().nullable() });
export type Figure = z.infer<typeof figure>;

const byColour = z.object({ yellow: figure, red: figure });
const colourCounts = z.object({ yellow: z.number().int(), red: z.number().int() });

export const atRiskItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  leadUnitName: z.string(),
  /** Open lights on the item by their colour now. */
  lights: colourCounts,
  /** Past its due date and neither completed nor cancelled (the item list's `overdue`). */
  overdue: z.boolean(),
  link: z.string(),
});

export const newestWarning = z.object({
  id: z.string(),
  kind: z.enum(WARNING_KINDS),
  colour: z.enum(COLOURS),
  state: z.enum(WARNING_STATES),
  unitName: z.string(),
  itemId: z.string().nullable(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string().nullable(),
  issuedOn: z.string(),
  /** In the request's language. */
  explanation: z.string(),
  link: z.string(),
});

const rankedUnit = z.object({
  unitId: z.string(),
  name: z.string(),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  link: z.string(),
});

export const DEADLINE_KINDS = ['report', 'milestone', 'warning', 'case'] as const;
export const deadline = z.object({
  kind: z.enum(DEADLINE_KINDS),
  date: z.string(),
  /** The item's number and title, the warning's or the case's title. */
  title: z.string(),
  unitName: z.string().nullable(),
  /** What falls due: the reporting period (`2022-W17`), the milestone's title, the warning's colour. */
  detail: z.string().nullable(),
  link: z.string(),
});

export const cockpitView = z.object({
  /** The region's today, by which every figure is computed. */
  asOf: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
  /** The item figures are narrowed to the caller's items in charge; the region's figures (cards, index, cases) are not. */
  mine: z.boolean(),
  /** Whether the caller is the leader in charge of any item (the web offers the switch then). */
  leadsItems: z.boolean(),
  warnings: z.object({
    light: byColour,
    card: byColour,
    /** The whole board (lights and cards, open, of the region). */
    link: z.string(),
  }),
  /** Lights and cards issued per month of the year so far (the warning board's own count: revoked ones left out). */
  trend: z.object({
    months: z.array(z.object({ month: z.string(), lights: colourCounts, cards: colourCounts })),
    link: z.string(),
  }),
  itemsAtRisk: z.object({
    /** Items with an open light, or overdue; the rules are the warning engine's and the item list's. */
    total: z.number().int(),
    lit: figure,
    overdue: figure,
    items: z.array(atRiskItem),
  }),
  newestWarnings: z.object({ items: z.array(newestWarning), link: z.string() }),
  /** The latest published month of the running index (红黑榜), or null before the first publication. */
  index: z
    .object({
      month: z.string(),
      link: z.string(),
      categories: z.array(
        z.object({
          categoryId: z.string(),
          name: z.string(),
          top: z.array(rankedUnit),
          bottom: z.array(rankedUnit),
        }),
      ),
    })
    .nullable(),
  /** Verification cases (核查) not closed; null for a role that does not read cases. */
  cases: z
    .object({
      open: z.number().int(),
      byStatus: z.array(z.object({ status: z.enum(CASE_STATES), count: z.number().int(), link: z.string() })),
      overdue: figure,
      link: z.string(),
    })
    .nullable(),
  /** What falls due from today through the sixth day after it, by date. */
  deadlines: z.object({
    from: z.string(),
    to: z.string(),
    counts: z.object({
      report: z.number().int(),
      milestone: z.number().int(),
      warning: z.number().int(),
      case: z.number().int(),
    }),
    items: z.array(deadline),
  }),
});
export type CockpitView = z.infer<typeof cockpitView>;
