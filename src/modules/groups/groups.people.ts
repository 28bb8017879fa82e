// The facts about people the groups module needs (a display name, an invitee found by e-mail)
// come from the accounts module, through its public index.
export { displayNames, findPersonByEmail, type Person } from '../accounts/index.js';
