// The event pages, lists and home page live in their own folder (functions/CoproWeek.Hub/Events/Pages).
global using CoproWeek.Hub.Events.Pages;
