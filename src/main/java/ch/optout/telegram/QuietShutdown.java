package ch.optout.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sits on the long-polling HTTP client. Once the bot is closing, whatever getUpdates brings back —
 * updates, the 409 that ends it when the final offset is confirmed, a broken connection — becomes
 * an empty, successful answer: the library then neither hands over updates nobody will answer
 * (Telegram sends them again at the next start) nor logs a shutdown as an error.
 */
final class QuietShutdown implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json");
  private volatile boolean closing;

  void closing() {
    closing = true;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (closing) {
      return empty(chain);
    }
    try {
      Response response = chain.proceed(chain.request());
      if (closing) {
        response.close();
        return empty(chain);
      }
      return response;
    } catch (IOException e) {
      if (closing) {
        return empty(chain);
      }
      throw e;
    }
  }

  private static Response empty(Chain chain) {
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", JSON))
        .build();
  }
}
