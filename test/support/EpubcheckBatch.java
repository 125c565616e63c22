import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

/**
 * EPUBCheck over several files in one JVM: its command line checks one file per run, and
 * starting Java and EPUBCheck's schemas costs more than checking a small book. Each file is
 * checked exactly as the command line checks it (EpubCheck with the default report, which
 * prints the same FATAL/ERROR/WARNING lines); after each file one line gives its counts:
 *   FOLIO-EPUBCHECK <fatals> <errors> <warnings> <path>
 * Run with `java -cp /usr/share/java/epubcheck.jar EpubcheckBatch.java FILE...` (Java runs a
 * single source file directly).
 */
public class EpubcheckBatch {
  public static void main(String[] args) {
    // One stream, so each file's messages come before its counts line.
    System.setErr(System.out);
    for (String path : args) {
      DefaultReportImpl report = new DefaultReportImpl(path);
      int fatals;
      int errors;
      int warnings;
      try {
        new EpubCheck(new File(path), report).doValidate();
        fatals = report.getFatalErrorCount();
        errors = report.getErrorCount();
        warnings = report.getWarningCount();
      } catch (RuntimeException failure) {
        failure.printStackTrace(System.out);
        fatals = -1;
        errors = -1;
        warnings = -1;
      }
      System.out.flush();
      System.err.flush();
      System.out.println("FOLIO-EPUBCHECK " + fatals + " " + errors + " " + warnings + " " + path);
      System.out.flush();
    }
  }
}
