// Deployment overwrites this file with the real API URL; locally the gateway serves the API under /api.
window.CIVICDESK = { api: "/api" };
