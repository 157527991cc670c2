// The bare library, for comparison in `npm run bench`: a Bolt app in HTTP mode that acks
// a slash command with a short text and serves /readyz, and nothing else. Plain JavaScript
// run by node, as the production build is, so start-up and memory compare like for like.
import bolt from '@slack/bolt';

const { App, HTTPReceiver, LogLevel } = bolt;
const port = Number(process.env.PORT ?? 3000);
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  customRoutes: [{ path: '/readyz', method: 'GET', handler: (_req, res) => { res.writeHead(200); res.end('ok'); } }],
});
const app = new App({
  receiver,
  token: process.env.SLACK_BOT_TOKEN,
  botId: 'BBARE',
  botUserId: 'UBARE',
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command(/.*/, async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'ok' });
});
await app.start({ port, host: '127.0.0.1' });
