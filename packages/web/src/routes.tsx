// The route table (Ant Design Pro style): every page declares its path, menu title id, icon and access flag.
// Pages are lazy chunks, so the first screen loads only what it shows.
import {
  AlertOutlined,
  ApiOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  CommentOutlined,
  SolutionOutlined,
  KeyOutlined,
  MessageOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { matchPath } from 'react-router';
import type { ComponentType, ReactNode } from 'react';
import type { Access, AccessKey } from './access';
import { cockpitMine, computeAccess } from './access';
import { cockpitQuery } from './api/cockpit';
import { dashboardQuery, queryKeys, todoApi } from './api/services';
import { warningKeys, warningsApi } from './api/warnings';
import type { Me } from './api/types';
import { currentLocale } from './i18n';
import type { MessageKey } from './locales/zh-CN';
import { queryClient } from './queryClient';
import { lazyPage, type LazyPage } from './lazyPage';
import HomePage, { loadHome } from './pages/dashboard/home';

type PageModule = Promise<{ default: ComponentType }>;

export interface AppRoute {
  /** stable id, used in test ids (`menu-<id>`) */
  id: string;
  path: string;
  /** i18n id of the menu entry and page title */
  titleKey: MessageKey;
  icon: ReactNode;
  access: AccessKey;
  /** the page's chunk; called early for the page being opened so that it loads in parallel with the session */
  load: () => Promise<unknown>;
  Component: ComponentType;
  /** data the page needs first, fetched as soon as the session is known; a promise returned is a chunk to await */
  prefetch?: (user: Me) => Promise<unknown> | void;
  hideInMenu?: boolean;
  /** for pages outside the menu: the id of the menu entry to highlight (item detail → items) */
  parent?: string;
}

const page = (load: () => PageModule): LazyPage => lazyPage(load);

export const appRoutes: AppRoute[] = [
  {
    id: 'dashboard',
    path: '/',
    titleKey: 'menu.dashboard',
    icon: <DashboardOutlined />,
    access: 'dashboard',
    // Not a chunk itself: it picks the cockpit's or the base data's, whichever the session's roles need.
    load: () => Promise.resolve(),
    Component: HomePage,
    prefetch: (user) => {
      void queryClient.prefetchQuery(dashboardQuery);
      // The cockpit roles' first screen: its chunk and its one request start with the session.
      const cockpit = computeAccess(user.roles).cockpit;
      if (cockpit) {
        const mine = cockpitMine(user.roles, window.location.search);
        void queryClient.prefetchQuery(cockpitQuery(mine, currentLocale()));
      }
      return loadHome(cockpit);
    },
  },
  {
    id: 'todo',
    path: '/todo',
    titleKey: 'menu.todo',
    icon: <CarryOutOutlined />,
    access: 'todo',
    ...page(() => import('./pages/work/todo')),
    prefetch: () =>
      void queryClient.prefetchQuery({
        queryKey: queryKeys.todo,
        queryFn: ({ signal }) => todoApi.get(signal),
      }),
  },
  {
    id: 'items',
    path: '/items',
    titleKey: 'menu.items',
    icon: <ProfileOutlined />,
    access: 'items',
    ...page(() => import('./pages/items/list')),
  },
  {
    id: 'itemNew',
    path: '/items/new',
    titleKey: 'itemForm.createTitle',
    icon: <ProfileOutlined />,
    access: 'itemsEdit',
    hideInMenu: true,
    parent: 'items',
    ...page(() => import('./pages/items/form')),
  },
  {
    id: 'itemDetail',
    path: '/items/:id',
    titleKey: 'itemDetail.title',
    icon: <ProfileOutlined />,
    access: 'items',
    hideInMenu: true,
    parent: 'items',
    ...page(() => import('./pages/items/detail')),
  },
  {
    id: 'itemEdit',
    path: '/items/:id/edit',
    titleKey: 'itemForm.editTitle',
    icon: <ProfileOutlined />,
    access: 'itemsEdit',
    hideInMenu: true,
    parent: 'items',
    ...page(() => import('./pages/items/form')),
  },
  {
    id: 'reportNew',
    path: '/items/:id/reports/new',
    titleKey: 'reportForm.createTitle',
    icon: <ProfileOutlined />,
    access: 'reportsWrite',
    hideInMenu: true,
    parent: 'items',
    ...page(() => import('./pages/reports/form')),
  },
  {
    id: 'reportEdit',
    path: '/reports/:id/edit',
    titleKey: 'reportForm.editTitle',
    icon: <ProfileOutlined />,
    access: 'reportsWrite',
    hideInMenu: true,
    parent: 'items',
    ...page(() => import('./pages/reports/form')),
  },
  {
    id: 'reviews',
    path: '/reviews',
    titleKey: 'menu.reviews',
    icon: <FileSearchOutlined />,
    access: 'reviews',
    ...page(() => import('./pages/reports/review')),
  },
  {
    id: 'warnings',
    path: '/warnings',
    titleKey: 'menu.warnings',
    icon: <AlertOutlined />,
    access: 'warnings',
    ...page(() => import('./pages/warnings/board')),
    prefetch: () =>
      void queryClient.prefetchQuery({
        queryKey: warningKeys.summary({}),
        queryFn: ({ signal }) => warningsApi.summary({}, signal),
      }),
  },
  {
    id: 'warningUnit',
    path: '/warnings/units/:unitId',
    titleKey: 'warningUnit.title',
    icon: <AlertOutlined />,
    access: 'warnings',
    hideInMenu: true,
    parent: 'warnings',
    ...page(() => import('./pages/warnings/unit')),
  },
  {
    id: 'warningDetail',
    path: '/warnings/:id',
    titleKey: 'warningDetail.title',
    icon: <AlertOutlined />,
    access: 'warnings',
    hideInMenu: true,
    parent: 'warnings',
    ...page(() => import('./pages/warnings/detail')),
  },
  {
    id: 'rules',
    path: '/rules',
    titleKey: 'menu.rules',
    icon: <ControlOutlined />,
    access: 'rules',
    ...page(() => import('./pages/rules')),
  },
  {
    id: 'ratings',
    path: '/ratings',
    titleKey: 'menu.ratings',
    icon: <StarOutlined />,
    access: 'ratings',
    ...page(() => import('./pages/ratings/list')),
  },
  {
    id: 'ratingFollowUps',
    path: '/ratings/follow-ups',
    titleKey: 'menu.ratingFollowUps',
    icon: <MessageOutlined />,
    access: 'ratings',
    ...page(() => import('./pages/ratings/follow-ups')),
  },
  {
    id: 'runningIndex',
    path: '/running-index',
    titleKey: 'menu.runningIndex',
    icon: <TrophyOutlined />,
    access: 'runningIndex',
    ...page(() => import('./pages/running-index')),
  },
  {
    id: 'runningIndexUnit',
    path: '/running-index/units/:unitId',
    titleKey: 'runningIndex.card.titlePlain',
    icon: <TrophyOutlined />,
    access: 'runningIndex',
    hideInMenu: true,
    parent: 'runningIndex',
    ...page(() => import('./pages/running-index/unit')),
  },
  {
    id: 'cases',
    path: '/cases',
    titleKey: 'menu.cases',
    icon: <SolutionOutlined />,
    access: 'cases',
    ...page(() => import('./pages/cases/list')),
  },
  {
    id: 'caseDetail',
    path: '/cases/:id',
    titleKey: 'caseDetail.title',
    icon: <SolutionOutlined />,
    access: 'cases',
    hideInMenu: true,
    parent: 'cases',
    ...page(() => import('./pages/cases/detail')),
  },
  {
    id: 'admonitions',
    path: '/admonitions',
    titleKey: 'menu.admonitions',
    icon: <CommentOutlined />,
    access: 'admonitions',
    ...page(() => import('./pages/admonitions')),
  },
  {
    id: 'postMortems',
    path: '/post-mortems',
    titleKey: 'menu.postMortems',
    icon: <HistoryOutlined />,
    access: 'postMortems',
    ...page(() => import('./pages/reviews/list')),
  },
  {
    id: 'postMortemEditor',
    path: '/post-mortems/:id',
    titleKey: 'postMortems.editorTitle',
    icon: <HistoryOutlined />,
    access: 'postMortems',
    hideInMenu: true,
    parent: 'postMortems',
    ...page(() => import('./pages/reviews/editor')),
  },
  {
    id: 'bulletins',
    path: '/bulletins',
    titleKey: 'menu.bulletins',
    icon: <FileTextOutlined />,
    access: 'bulletins',
    ...page(() => import('./pages/bulletins/list')),
  },
  {
    id: 'bulletinDetail',
    path: '/bulletins/:id',
    titleKey: 'bulletins.detailTitle',
    icon: <FileTextOutlined />,
    access: 'bulletins',
    hideInMenu: true,
    parent: 'bulletins',
    ...page(() => import('./pages/bulletins/detail')),
  },
  {
    id: 'meetings',
    path: '/meetings',
    titleKey: 'menu.meetings',
    icon: <ScheduleOutlined />,
    access: 'meetings',
    ...page(() => import('./pages/meetings')),
  },
  {
    id: 'notifications',
    path: '/notifications',
    titleKey: 'menu.notifications',
    icon: <BellOutlined />,
    access: 'notifications',
    hideInMenu: true,
    ...page(() => import('./pages/notifications')),
  },
  {
    id: 'units',
    path: '/admin/units',
    titleKey: 'menu.units',
    icon: <ApartmentOutlined />,
    access: 'unitsRead',
    ...page(() => import('./pages/admin/units')),
  },
  {
    id: 'users',
    path: '/admin/users',
    titleKey: 'menu.users',
    icon: <TeamOutlined />,
    access: 'users',
    ...page(() => import('./pages/admin/users')),
  },
  {
    id: 'roles',
    path: '/admin/roles',
    titleKey: 'menu.roles',
    icon: <SafetyCertificateOutlined />,
    access: 'roles',
    ...page(() => import('./pages/admin/roles')),
  },
  {
    id: 'audit',
    path: '/admin/audit',
    titleKey: 'menu.audit',
    icon: <AuditOutlined />,
    access: 'audit',
    ...page(() => import('./pages/admin/audit')),
  },
  {
    id: 'calendar',
    path: '/admin/calendar',
    titleKey: 'menu.calendar',
    icon: <CalendarOutlined />,
    access: 'calendar',
    ...page(() => import('./pages/admin/calendar')),
  },
  {
    id: 'webhooks',
    path: '/admin/webhooks',
    titleKey: 'menu.webhooks',
    icon: <ApiOutlined />,
    access: 'webhooks',
    ...page(() => import('./pages/admin/webhooks')),
  },
  {
    id: 'settings',
    path: '/admin/settings',
    titleKey: 'menu.settings',
    icon: <SettingOutlined />,
    access: 'regionSettings',
    ...page(() => import('./pages/admin/settings')),
  },
  {
    id: 'password',
    path: '/account/password',
    titleKey: 'menu.password',
    icon: <KeyOutlined />,
    access: 'password',
    ...page(() => import('./pages/account/password')),
  },
];

export function visibleRoutes(access: Access): AppRoute[] {
  return appRoutes.filter((r) => access[r.access] && !r.hideInMenu);
}

export const loadLoginPage = () => import('./pages/auth/login');
/** The public rating page (服务评议, no login), outside the app shell like the login page. */
export const loadRatePage = () => import('./pages/public/rate');
/** The public complaint form and its tracking page (群众反映, no login), outside the app shell like /rate. */
export const loadComplaintPage = () => import('./pages/public/complaint');
export const loadComplaintStatusPage = () => import('./pages/public/complaint-status');

export function routeFor(pathname: string): AppRoute | undefined {
  // Static paths first, so that /items/new is not taken for the item "new".
  return (
    appRoutes.find((r) => r.path === pathname) ??
    appRoutes.find((r) => r.path.includes(':') && matchPath(r.path, pathname))
  );
}

/** The menu entry to highlight for a pathname (a detail page highlights its list). */
export function menuRouteFor(pathname: string): AppRoute | undefined {
  const route = routeFor(pathname);
  if (!route?.parent) return route;
  return appRoutes.find((r) => r.id === route.parent);
}

/** Starts downloading the chunk of the page at `pathname` (boot time, before the session is known). */
export function preloadPage(pathname: string): void {
  if (pathname === '/login') void loadLoginPage();
  else if (pathname === '/rate') void loadRatePage();
  else if (pathname === '/complaint') void loadComplaintPage();
  else if (pathname.startsWith('/complaint/status')) void loadComplaintStatusPage();
  else void routeFor(pathname)?.load();
}

/**
 * Starts fetching the first data of the page at `pathname` once the signed-in user is known; resolves when the
 * page's chunk is there (never rejects: the page reports its own failures).
 */
export function prefetchPage(pathname: string, user: Me): Promise<void> {
  const route = routeFor(pathname);
  if (!route) return Promise.resolve();
  const chunks: Promise<unknown>[] = [route.load()];
  if (route.prefetch && computeAccess(user.roles)[route.access])
    chunks.push(Promise.resolve(route.prefetch(user)));
  return Promise.all(chunks).then(
    () => undefined,
    () => undefined,
  );
}
