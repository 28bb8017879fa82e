// Every URL of the module in one place, so views and routes cannot disagree.
const enc = encodeURIComponent;

export const urls = {
  list: (m: string) => `/m/${enc(m)}/groups`,
  create: (m: string) => `/m/${enc(m)}/groups/new`,
  group: (m: string, g: string) => `/m/${enc(m)}/groups/${enc(g)}`,
  action: (m: string, g: string, action: string) => `/m/${enc(m)}/groups/${enc(g)}/${action}`,
  member: (m: string, g: string, userId: number, action: string) => `/m/${enc(m)}/groups/${enc(g)}/members/${userId}/${action}`,
  post: (m: string, g: string, postId: number, action: string) => `/m/${enc(m)}/groups/${enc(g)}/posts/${postId}/${action}`,
  board: (m: string, g: string, positionId: number, action: string) => `/m/${enc(m)}/groups/${enc(g)}/board/${positionId}/${action}`,
  activity: (m: string, g: string, activityId: number, action: string) => `/m/${enc(m)}/groups/${enc(g)}/activities/${activityId}/${action}`,
  login: (next: string) => `/login?next=${enc(next)}`,
};
