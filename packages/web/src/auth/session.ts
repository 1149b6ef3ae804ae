// Session state shared outside React: set when a signed-in session answers 401 so that the login page can say
// why the user is back there.
let expired = false;

export function markSessionExpired(): void {
  expired = true;
}

export function consumeSessionExpired(): boolean {
  const was = expired;
  expired = false;
  return was;
}

let loggedOut = false;

/** The user logged out on purpose: the next login starts at the dashboard, not where they left. */
export function setLoggedOut(value: boolean): void {
  loggedOut = value;
}

export function isLoggedOut(): boolean {
  return loggedOut;
}
