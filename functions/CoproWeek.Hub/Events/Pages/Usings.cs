// The event pages' helpers (the list's order of upcoming events, calendar links, the finder form) are used across the
// hub, by the feeds, calendars, search and layout; one global using saves every caller naming this folder.
global using CoproWeek.Hub.Events.Pages;
