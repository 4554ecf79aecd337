#include "runtime/mpi_worker_node.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>
#include <memory>
#include <nlohmann/json.hpp>

#include "runtime/mpi_messenger.hpp"

namespace rps {

using nlohmann::json;

namespace {

constexpr int kCoordinator = 0;

// The worker process, with the default reaction to SIGINT and SIGTERM that the node itself gives
// up (an ignored signal would stay ignored in the program it starts).
class WorkerProcess : public QProcess {
protected:
    // Qt 5 (Qt 6 replaced it by setChildProcessModifier).
    void setupChildProcess() override {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
};

// One node's relay between rank 0 and the worker process it runs.
class NodeRelay {
public:
    explicit NodeRelay(QEventLoop& loop) : loop_(loop) {}
    ~NodeRelay() { stop_worker(); }

    void receive(MpiTag tag, uint32_t launch, const QByteArray& bytes) {
        // Input, close and kill for an earlier worker than the one running (sent before rank 0
        // saw it gone) are not for this one.
        const bool for_this_worker = worker_ && launch == launch_;
        switch (tag) {
            case MpiTag::start:
                launch_ = launch;
                // A start that goes wrong here is a failed start for rank 0 (which retries a few
                // times, then gives the worker up), never a node that dies silently.
                try {
                    start(bytes);
                } catch (const std::exception& e) {
                    gone(QStringLiteral("worker failed to start: %1")
                             .arg(QString::fromUtf8(e.what())));
                }
                return;
            case MpiTag::input:
                if (for_this_worker) worker_->write(bytes);
                return;
            case MpiTag::close_input:
                if (for_this_worker) worker_->closeWriteChannel();
                return;
            case MpiTag::kill:
                if (for_this_worker) worker_->kill();  // finished() follows: gone
                return;
            case MpiTag::quit:
                stop_worker();
                send(MpiTag::quit_done, {});
                loop_.quit();
                return;
            default:  // not rank 0's message
                return;
        }
    }

    MpiMessenger& messenger() { return messenger_; }

private:
    void send(MpiTag tag, QByteArray bytes) {
        messenger_.send(kCoordinator, tag, launch_, std::move(bytes));
    }

    void start(const QByteArray& bytes) {
        stop_worker();  // rank 0 starts a worker only after the last one is gone
        const json message = json::parse(bytes.toStdString(), nullptr, false);
        if (!message.is_object()) {
            send(MpiTag::gone, "worker failed to start: the node got a malformed start message");
            return;
        }
        QStringList arguments;
        for (const json& a : message.value("arguments", json::array()))
            arguments << QString::fromStdString(a.get<std::string>());
        // The files the worker reads, written here under their names; their arguments follow.
        files_ = std::make_unique<QTemporaryDir>();
        for (const json& f : message.value("files", json::array())) {
            const QString path = files_->filePath(QString::fromStdString(f.value("name", "")));
            QFile file(path);
            const QByteArray content =
                QByteArray::fromBase64(QByteArray::fromStdString(f.value("base64", "")));
            if (!files_->isValid() || !file.open(QIODevice::WriteOnly) ||
                file.write(content) != content.size()) {
                send(MpiTag::gone, QStringLiteral("worker failed to start: cannot write %1 on "
                                                  "host %2")
                                       .arg(path, QString::fromStdString(MpiSession::open().host()))
                                       .toUtf8());
                return;
            }
            const QString argument = QString::fromStdString(f.value("argument", ""));
            for (QString& a : arguments)
                if (a == argument) a = path;
        }
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const json added = message.value("environment", json::object());
        for (const auto& [key, value] : added.items())
            environment.insert(QString::fromStdString(key),
                               QString::fromStdString(value.get<std::string>()));

        worker_ = std::make_unique<WorkerProcess>();
        QProcess* worker = worker_.get();
        worker->setProcessEnvironment(environment);
        worker->setProgram(QString::fromStdString(message.value("program", "")));
        worker->setArguments(arguments);
        QObject::connect(worker, &QProcess::started, [this, worker] {
            const json info = {{"pid", static_cast<int64_t>(worker->processId())},
                               {"host", MpiSession::open().host()}};
            send(MpiTag::started, QByteArray::fromStdString(info.dump()));
        });
        QObject::connect(worker, &QProcess::readyReadStandardOutput,
                         [this, worker] { send(MpiTag::output, worker->readAllStandardOutput()); });
        QObject::connect(worker, &QProcess::readyReadStandardError,
                         [this, worker] { send(MpiTag::errors, worker->readAllStandardError()); });
        QObject::connect(worker, QOverload<int, QProcess::ExitStatus>::of(&QProcess::finished),
                         [this, worker](int code, QProcess::ExitStatus status) {
                             flush(*worker);
                             gone(status == QProcess::CrashExit
                                      ? QStringLiteral("worker crashed")
                                      : QStringLiteral("worker exited with code %1").arg(code));
                         });
        QObject::connect(
            worker, &QProcess::errorOccurred, [this, worker](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart)
                    gone(QStringLiteral("worker failed to start: %1").arg(worker->errorString()));
            });
        worker->start(QIODevice::ReadWrite);
    }

    // What the worker wrote last, before its gone.
    void flush(QProcess& worker) {
        if (const QByteArray out = worker.readAllStandardOutput(); !out.isEmpty())
            send(MpiTag::output, out);
        if (const QByteArray err = worker.readAllStandardError(); !err.isEmpty())
            send(MpiTag::errors, err);
    }

    // Once per worker; the process object goes on the next event loop round (not inside its
    // own signal).
    void gone(const QString& why) {
        send(MpiTag::gone, why.toUtf8());
        if (worker_) {
            worker_->disconnect();
            worker_.release()->deleteLater();
        }
    }

    // Kills the worker and waits 5 s at most: a process that outlives SIGKILL (stuck in the
    // kernel, a hung network file system) is left behind rather than waited for, since
    // QProcess's destructor would wait 30 s more and rank 0 waits 30 s for the node in all.
    void stop_worker() {
        if (!worker_) return;
        worker_->disconnect();
        if (worker_->state() != QProcess::NotRunning) {
            worker_->kill();
            if (!worker_->waitForFinished(5000)) {
                (void)worker_.release();
                return;
            }
        }
        worker_.reset();
    }

    QEventLoop& loop_;
    uint32_t launch_ = 0;  // rank 0's number of the worker this node runs
    MpiMessenger messenger_;
    std::unique_ptr<QProcess> worker_;
    std::unique_ptr<QTemporaryDir> files_;
};

}  // namespace

int run_mpi_worker_node() {
    MpiSession::open();
    // Interrupting mpirun signals every rank: a node stays until rank 0, which finishes its
    // store and ends the workers, says quit (mpirun kills what is left after its own delay).
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, SIG_IGN);
    static int argc = 1;
    static char name[] = "rps";
    static char* argv[] = {name, nullptr};
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    QEventLoop loop;
    NodeRelay relay(loop);
    QTimer poll;
    relay.messenger().poll_on(
        poll, [&relay](int source, MpiTag tag, uint32_t launch, const QByteArray& bytes) {
            if (source == kCoordinator) relay.receive(tag, launch, bytes);
        });
    loop.exec();
    return 0;
}

}  // namespace rps
