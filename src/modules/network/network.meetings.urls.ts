// Paths of the seasons, meetings and directory pages.
export const meetingUrls = {
  seasons: '/network/seasons',
  season: (id: number) => `/network/seasons/${id}`,
  meetings: '/network/meetings',
  meeting: (id: number) => `/network/meetings/${id}`,
  meetingIcs: (id: number) => `/network/meetings/${id}/calendar.ics`,
  feed: '/network/meetings.ics',
  register: (id: number) => `/network/meetings/${id}/register`,
  cancel: (id: number) => `/network/meetings/${id}/cancel`,
  members: '/network/members',
  admin: {
    newSeason: '/network/admin/seasons/new',
    season: (id: number) => `/network/admin/seasons/${id}`,
    newMeeting: '/network/admin/meetings/new',
    meeting: (id: number) => `/network/admin/meetings/${id}`,
    minutes: (id: number) => `/network/admin/meetings/${id}/minutes`,
    cancelRegistration: (id: number, registrationId: number) => `/network/admin/meetings/${id}/registrations/${registrationId}/cancel`,
  },
  login: (next: string) => `/login?next=${encodeURIComponent(next)}`,
};
