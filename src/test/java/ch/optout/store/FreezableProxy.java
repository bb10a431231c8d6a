package ch.optout.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of the test PostgreSQL server that can be frozen: once frozen it
 * keeps every connection open and forwards nothing, as a server that is stopped (SIGSTOP) or cut
 * off by a partition looks to its clients.
 */
final class FreezableProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private volatile boolean frozen;
  private volatile boolean closed;

  FreezableProxy(String host, int port) throws IOException {
    this.target = new InetSocketAddress(host, port);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "freezable-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The test server's address, through this relay. */
  static FreezableProxy before(DatabaseUrl url) throws IOException {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/")
            .matcher(url.jdbcUrl());
    if (!m.find()) {
      throw new IllegalArgumentException("no host and port in " + url.describe());
    }
    return new FreezableProxy(m.group(1), Integer.parseInt(m.group(2)));
  }

  /** The same database, reached through this relay. */
  DatabaseUrl url(DatabaseUrl direct) {
    return new DatabaseUrl(
        direct.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + server.getLocalPort() + "/"),
        direct.user(),
        direct.password());
  }

  /** From now on, nothing passes either way; connections stay open. */
  void freeze() {
    frozen = true;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  awaitThaw();
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // a side closed, or the relay did
              }
            },
            "freezable-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  /** A frozen relay holds what it read until it is closed. */
  private void awaitThaw() throws InterruptedException {
    synchronized (gate) {
      while (frozen && !closed) {
        gate.wait();
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    synchronized (gate) {
      gate.notifyAll();
    }
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
