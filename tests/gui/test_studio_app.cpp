// rps-studio as a program: the command line, the translations (German and French complete for
// the main strings), and the automation used for the documentation pictures (--run, --screenshot,
// --quit) on a real worker pool.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>

#include "gui_test_support.hpp"
#include "support/sanitizer_slowdown.hpp"

using namespace rps;

class StudioAppTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesTheCommandLine() {
        StudioApp studio(*qApp);
        QString message;
        QVERIFY(studio.parse(
            {QStringLiteral("rps-studio"), QStringLiteral("study.json"), QStringLiteral("--run"),
             QStringLiteral("--screenshot"), QStringLiteral("shot.png"), QStringLiteral("--quit"),
             QStringLiteral("--lang"), QStringLiteral("fr")},
            &message));
        QCOMPARE(studio.options().file, QStringLiteral("study.json"));
        QVERIFY(studio.options().run);
        QVERIFY(studio.options().quit);
        QCOMPARE(studio.options().screenshot, QStringLiteral("shot.png"));
        QCOMPARE(studio.options().language, QStringLiteral("fr"));
        StudioApp other(*qApp);
        QVERIFY(!other.parse({QStringLiteral("rps-studio"), QStringLiteral("--run")}, &message));
        QVERIFY(message.contains(QStringLiteral("--run")));
        QVERIFY(!other.parse({QStringLiteral("rps-studio"), QStringLiteral("--bogus")}, &message));
        // A language the studio does not ship fell back to English unsaid.
        QVERIFY(!other.parse(
            {QStringLiteral("rps-studio"), QStringLiteral("--lang"), QStringLiteral("xx")},
            &message));
        QVERIFY2(message.contains(QStringLiteral("--lang xx")), qPrintable(message));
    }

    void translationsLoad_data() {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("start");
        QTest::newRow("de") << "de"
                            << "&Datei"
                            << "&Studie starten";
        QTest::newRow("fr") << "fr"
                            << "&Fichier"
                            << "&Lancer l'étude";
    }

    void translationsLoad() {
        QFETCH(QString, lang);
        QFETCH(QString, file);
        QFETCH(QString, start);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/translations/rps_%1.qm").arg(lang)));
        QCOMPARE(translator.translate("rps::MainWindow", "&File"), file);
        QCOMPARE(translator.translate("StudioActions", "&Start Study"), start);
        QVERIFY(!translator.translate("rps::PlanView", "RSS dBm").isEmpty());
        // The plan's map lines (ui/map_info_lines.cpp) and the report's errors have their own
        // contexts; lines under a context no translation had stayed English.
        QVERIFY(!translator.translate("MapInfoLines", "P5 %1 dBm  |  mean %2 dBm  |  min %3 dBm")
                     .isEmpty());
        QVERIFY(!translator.translate("StoredStudyReport", "%1: no study file is open").isEmpty());
    }

    void runsAStudyAndSavesTheWindow() {
        QTemporaryDir dir;
        const QString shot = dir.filePath(QStringLiteral("finished.png"));
        QProcess studio;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("RPS_NO_3D"), QStringLiteral("1"));
        env.insert(QStringLiteral("RPS_EXECUTABLE"), QStringLiteral(RPS_EXECUTABLE));
        studio.setProcessEnvironment(env);
        studio.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        studio.start(QStringLiteral(RPS_STUDIO_EXECUTABLE),
                     {test::sourcePath("scenes/l_hall/l_hall_1ap_study.json"),
                      QStringLiteral("--run"), QStringLiteral("--screenshot"), shot,
                      QStringLiteral("--quit"), QStringLiteral("--lang"), QStringLiteral("de")});
        // A whole rps-studio run with its workers: 55 s was outrun under ASan on 2 cores.
        QVERIFY(studio.waitForFinished(55000 * test::kSanitizerSlowdown));
        QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
        QCOMPARE(studio.exitCode(), 0);
        const QImage image(shot);
        QVERIFY(!image.isNull());
        QVERIFY(test::distinctColours(image) > 50);
        QVERIFY(QDir(dir.filePath(QStringLiteral("data"))).exists());
    }

    // A bad option is refused like a bad file: exit 2, the reason on stderr (it was 64, on
    // stdout); --help still answers on stdout with 0.
    void badOptionExitsWithCode2() {
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("--bogus"), QStringLiteral("--quit")},
              QStringList{QStringLiteral("--lang"), QStringLiteral("xx"),
                          QStringLiteral("--quit")}}) {
            QProcess studio;
            studio.start(QStringLiteral(RPS_STUDIO_EXECUTABLE), arguments);
            QVERIFY(studio.waitForFinished(30000));
            QCOMPARE(studio.exitCode(), 2);
            const QByteArray error = studio.readAllStandardError();
            QVERIFY2(error.contains(arguments.front() == QLatin1String("--bogus") ? "bogus" : "xx"),
                     error.constData());
            QVERIFY(studio.readAllStandardOutput().isEmpty());
        }
        QProcess help;
        help.start(QStringLiteral(RPS_STUDIO_EXECUTABLE), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(30000));
        QCOMPARE(help.exitCode(), 0);
        QVERIFY(help.readAllStandardOutput().contains("--lang"));
    }

    void badFileExitsWithCode2() {
        QTemporaryDir dir;
        QProcess studio;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        studio.setProcessEnvironment(env);
        studio.start(QStringLiteral(RPS_STUDIO_EXECUTABLE),
                     {dir.filePath(QStringLiteral("missing.xml")), QStringLiteral("--quit")});
        QVERIFY(studio.waitForFinished(30000));
        QCOMPARE(studio.exitCode(), 2);
        QVERIFY(studio.readAllStandardError().contains("missing.xml"));
    }
};

RPS_GUI_TEST_MAIN(StudioAppTest, false)
#include "test_studio_app.moc"
