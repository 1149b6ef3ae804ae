import type { ReactNode } from 'react';
import type { AccessKey } from '../access';
import { useAuth } from '../auth/context';
import Forbidden from '../pages/exception/Forbidden';

export default function AccessGuard({ access, children }: { access: AccessKey; children: ReactNode }) {
  const { access: granted } = useAuth();
  return granted[access] ? children : <Forbidden />;
}
