// The core end-to-end checks every n8n version in versions.sh's N8N_VERSIONS runs (the newest runs
// every e2e file): the packed package installs and loads (smoke), the trigger verifies, answers and
// runs, with automatic setup and the trust guarantees (trigger), the action node calls the API
// (action), and the postback trigger takes affiliates' and vendors' postbacks (postback). The editor, reliability and queue tests stay on the newest: they test n8n's UI, its
// load behaviour and its queue mode more than this package's compatibility.
export const CORE_FILES = ['test/e2e/smoke.test.mjs', 'test/e2e/trigger.test.mjs', 'test/e2e/action.test.mjs', 'test/e2e/postback.test.mjs'];
