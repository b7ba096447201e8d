// A TCP proxy between a client and a server that can, on command, stop forwarding without closing
// either socket: a network link that drops silently (Wi-Fi, a VPN), where no reset ever arrives
// and the client hears nothing at all. Stopping the server instead would close the connection.
import { connect, createServer, type Server, type Socket } from "node:net";

export class BlackHoleProxy {
  private swallowing = false;
  private afterCommit = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listen on a free port of 127.0.0.1, forwarding each connection to `targetPort` there. */
  static start(targetPort: number): Promise<BlackHoleProxy> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const a = server.address();
        const proxy = new BlackHoleProxy(server, typeof a === "object" && a ? a.port : 0);
        server.on("connection", (client) => proxy.pair(client, targetPort));
        resolve(proxy);
      });
    });
  }

  /** From now on nothing passes either way; both sockets stay open. */
  swallow(): void {
    this.swallowing = true;
  }

  /**
   * Let the client's next COMMIT reach the server, then swallow everything: the change is
   * stored, but the client never hears so.
   */
  swallowAfterCommit(): void {
    this.afterCommit = true;
  }

  /** Forward again (connections made from now on; the swallowed bytes stay lost). */
  heal(): void {
    this.swallowing = false;
    this.afterCommit = false;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private pair(client: Socket, targetPort: number): void {
    const server = connect(targetPort, "127.0.0.1");
    for (const s of [client, server]) {
      this.sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => this.sockets.delete(s));
    }
    // A swallowed connection stays swallowed after heal(), as a dead link's connection would.
    let dead = false;
    client.on("data", (chunk: Buffer) => {
      if (dead || this.swallowing) {
        dead = true;
        return;
      }
      server.write(chunk);
      // A simple-query COMMIT, as the driver sends it: 'Q', length, "COMMIT", NUL.
      if (this.afterCommit && chunk.includes("COMMIT\0")) {
        this.afterCommit = false;
        this.swallowing = true;
      }
    });
    server.on("data", (chunk: Buffer) => {
      if (dead || this.swallowing) {
        dead = true;
        return;
      }
      client.write(chunk);
    });
    client.on("end", () => server.end());
    server.on("end", () => client.end());
  }
}
