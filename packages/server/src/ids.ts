import { nanoid } from 'nanoid';
/** Text primary keys, the same in both dialects. */
export const newId = () => nanoid();
