import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs Kafka's own ProducerPerformance once per line read from standard input, all in this one JVM, so that
 * every round after the first measures a warm JVM (JIT-compiled producer, serializers and network code) instead
 * of a fresh one. A line holds the tool's arguments separated by spaces; after each run this prints
 * ROUND_DONE on a line of its own. The bench's yardstick drives it (java's single-file source launcher, no build
 * step), interleaving its rounds with the Node clients' slices.
 */
public class ProducerPerformanceRounds {
  public static void main(String[] args) throws Exception {
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = input.readLine()) != null) {
      if (line.isBlank()) continue;
      try {
        org.apache.kafka.tools.ProducerPerformance.main(line.trim().split(" +"));
      } catch (Exception error) {
        System.out.println("ROUND_FAILED " + error);
      }
      System.out.println("ROUND_DONE");
      System.out.flush();
    }
  }
}
