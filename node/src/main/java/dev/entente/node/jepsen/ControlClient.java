package dev.entente.node.jepsen;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The driver's side of a node's control API (see {@code ControlServer}). Every failure is a {@link
 * ControlException} whose kind tells whether the operation certainly did not happen (refused,
 * rejected) or may have (timeout, broken, failed): the history's {@code :fail} versus {@code
 * :info}. Thread-safe.
 */
final class ControlClient {
  /** Why a call failed. */
  enum Failure {
    /** Nothing listens: the request never reached a node. */
    REFUSED,
    /** The node said 400: the request was refused before it did anything. */
    REJECTED,
    /** No answer in time: it may have happened. */
    TIMEOUT,
    /** The connection broke, or the node answered 500: it may have happened. */
    BROKEN
  }

  /** A failed call. */
  static final class ControlException extends Exception {
    private static final long serialVersionUID = 1L;
    final Failure failure;

    ControlException(Failure failure, String message, Throwable cause) {
      super(message, cause);
      this.failure = failure;
    }

    ControlException(Failure failure, String message) {
      super(message);
      this.failure = failure;
    }
  }

  private final HttpClient http;
  private final int port;
  private final Duration timeout;

  ControlClient(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
    // HTTP/1.1: the JDK client otherwise offers every bodiless request an h2c upgrade, which costs
    // a GET seconds against a server that declines it.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  String get(String path) throws ControlException {
    return call(HttpRequest.newBuilder(uri(path)).GET());
  }

  String post(String path, String body) throws ControlException {
    return call(
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private String call(HttpRequest.Builder request) throws ControlException {
    HttpResponse<String> r;
    try {
      r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new ControlException(Failure.REFUSED, "refused: " + e.getMessage(), e);
    } catch (HttpTimeoutException e) {
      throw new ControlException(Failure.TIMEOUT, "timeout: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ControlException(Failure.BROKEN, "broken: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlException(Failure.BROKEN, "interrupted", e);
    }
    if (r.statusCode() == 400) {
      throw new ControlException(Failure.REJECTED, r.body());
    }
    if (r.statusCode() != 200) {
      throw new ControlException(Failure.BROKEN, "status " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
