// The colour badges of the warning engine, the same everywhere: 黄灯/红灯 on items, 黄牌/红牌 on units, the
// warning's state, and the open lights of an item as links to their "why".
import { BulbFilled, FlagFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Colour, WarningKind, WarningState, WarningView } from '../api/warnings';
import { warningKeys, warningsApi } from '../api/warnings';
import { currentLocale } from '../i18n';
import { groupByItem, inLocale } from '../utils/warnings';

/** The two colours of the mechanism; the tag colours of antd's palette (gold reads as yellow on white). */
export const COLOUR_TAG: Record<Colour, string> = { yellow: 'gold', red: 'red' };
export const COLOUR_HEX: Record<Colour, string> = { yellow: '#faad14', red: '#f5222d' };

const STATE_COLORS: Record<WarningState, string> = {
  active: 'error',
  rectifying: 'processing',
  cleared: 'success',
  revoked: 'default',
};

export function ColourBadge({ kind, colour }: { kind: WarningKind; colour: Colour }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={COLOUR_TAG[colour]}
      icon={kind === 'light' ? <BulbFilled /> : <FlagFilled />}
      data-testid="warning-badge"
      data-kind={kind}
      data-colour={colour}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`warningBadge.${kind}.${colour}`)}
    </Tag>
  );
}

export function WarningStateTag({ state }: { state: WarningState }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATE_COLORS[state] ?? 'default'}
      data-testid="warning-state"
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`warningState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** An item's open lights as badges, each a link to its warning, the explanation as the tooltip. */
export function ItemLights({ lights }: { lights: readonly WarningView[] | undefined }) {
  if (!lights || lights.length === 0) return null;
  const locale = currentLocale();
  return (
    <Flex wrap gap={4} data-testid="item-lights">
      {lights.map((w) => (
        <Tooltip key={w.id} title={inLocale(w.explanation, locale)}>
          <Link to={`/warnings/${w.id}`} data-testid="item-light-link">
            <ColourBadge kind={w.kind} colour={w.colour} />
          </Link>
        </Tooltip>
      ))}
    </Flex>
  );
}

/**
 * Every open light of the region grouped by item: one request for a whole list page (not one per row), shared by
 * every page that shows badges and refreshed with the other warning queries.
 */
export function useOpenLightsByItem(enabled: boolean) {
  return useQuery({
    queryKey: warningKeys.openLights,
    queryFn: async ({ signal }) =>
      groupByItem((await warningsApi.list({ state: 'open', kind: 'light', pageSize: 500 }, signal)).items),
    enabled,
    staleTime: 60_000,
    retry: false,
  });
}

/** The open lights of one item (its detail page). */
export function useItemLights(itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: warningKeys.itemLights(itemId),
    queryFn: async ({ signal }) =>
      groupByItem(
        (await warningsApi.list({ itemId, state: 'open', kind: 'light', pageSize: 100 }, signal)).items,
      ).get(itemId) ?? [],
    enabled,
    staleTime: 30_000,
    retry: false,
  });
}
