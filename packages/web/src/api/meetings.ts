// Monthly meetings (月度例会) over the API: the meeting of a month with its commitments (会议议定事项), and the
// meeting pack generated from the month's data (JSON, .docx, .xlsx). Mirrors
// packages/server/src/modules/meetings/schema.ts.
import { download, http } from './client';

export type CommitmentStatus = 'open' | 'done' | 'dropped';

export interface CommitmentView {
  id: string;
  seq: number;
  text: string;
  ownerUnit: { id: string; name: string } | null;
  ownerPerson: string | null;
  deadline: string;
  status: CommitmentStatus;
  doneOn: string | null;
  note: string | null;
  /** Open past its deadline (the region's today). */
  overdue: boolean;
}

export interface MeetingView {
  id: string;
  month: string;
  title: string;
  heldOn: string | null;
  notes: string | null;
  rowVersion: number;
  commitments: CommitmentView[];
}

export interface MeetingSummary {
  id: string;
  month: string;
  title: string;
  heldOn: string | null;
  commitments: number;
  openCommitments: number;
}

export interface PackWarning {
  id: string;
  kind: 'light' | 'card';
  colour: 'yellow' | 'red';
  unitName: string;
  itemNumber: string | null;
  itemTitle: string | null;
  issuedOn: string;
  closedOn: string | null;
  state: string;
  explanation: string;
}

export interface PackRanked {
  rank: number | null;
  name: string;
  total: number | null;
}

export interface PackView {
  month: string;
  from: string;
  to: string;
  generatedOn: string;
  /** Nothing happened in the month. */
  empty: boolean;
  meeting: {
    id: string;
    title: string;
    heldOn: string | null;
    notes: string | null;
    rowVersion: number;
  } | null;
  summary: {
    lightsIssued: number;
    cardsIssued: number;
    lightsCleared: number;
    cardsCleared: number;
    items: number;
    openCases: number;
    reviewsScheduled: number;
    commitmentsCarried: number;
    commitmentsCarriedOpen: number;
  };
  warningsIssued: PackWarning[];
  warningsCleared: PackWarning[];
  itemsByStatus: { status: string; count: number }[];
  ranking: {
    published: boolean;
    revision: number | null;
    categories: { name: string; ranking: PackRanked[]; top: PackRanked[]; bottom: PackRanked[] }[];
  } | null;
  openCases: {
    id: string;
    receipt: string;
    title: string;
    unitName: string | null;
    status: string;
    receivedOn: string;
    deadline: string;
  }[];
  reviews: {
    id: string;
    title: string;
    itemNumber: string;
    itemTitle: string;
    state: string;
    heldOn: string | null;
  }[];
  carried: { month: string; title: string; commitments: CommitmentView[] } | null;
  commitments: CommitmentView[];
}

export interface MeetingInput {
  title?: string;
  heldOn?: string | null;
  notes?: string | null;
}

export interface CommitmentInput {
  text: string;
  ownerUnitId?: string | null;
  ownerPerson?: string | null;
  deadline: string;
}

export interface CommitmentPatch extends Partial<CommitmentInput> {
  status?: CommitmentStatus;
  doneOn?: string | null;
  note?: string | null;
}

const enc = encodeURIComponent;

export const meetingsApi = {
  list: (year: number | undefined, signal?: AbortSignal) =>
    http.get<{ items: MeetingSummary[]; total: number }>('/meetings', { query: { year }, signal }),
  get: (month: string, signal?: AbortSignal) => http.get<MeetingView>(`/meetings/${enc(month)}`, { signal }),
  create: (month: string, body: MeetingInput) => http.post<MeetingView>('/meetings', { month, ...body }),
  /** With the version read: someone else's change since then gives a 409 instead of being overwritten. */
  update: (month: string, body: MeetingInput & { rowVersion: number }) =>
    http.patch<MeetingView>(`/meetings/${enc(month)}`, body),
  addCommitment: (month: string, body: CommitmentInput) =>
    http.post<MeetingView>(`/meetings/${enc(month)}/commitments`, body),
  updateCommitment: (month: string, id: string, body: CommitmentPatch) =>
    http.patch<MeetingView>(`/meetings/${enc(month)}/commitments/${enc(id)}`, body),
  pack: (month: string, signal?: AbortSignal) =>
    http.get<PackView>(`/meetings/${enc(month)}/pack`, { signal }),
  /** The pack as .docx or .xlsx in the UI language, under the server's file name. */
  packFile: (month: string, ext: 'docx' | 'xlsx') =>
    download(`/meetings/${enc(month)}/pack.${ext}`, `meeting-pack-${month}.${ext}`),
};

export const meetingKeys = {
  all: ['meetings'] as const,
  meeting: (month: string) => ['meetings', 'meeting', month] as const,
  pack: (month: string) => ['meetings', 'pack', month] as const,
};
