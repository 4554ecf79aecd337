#pragma once
// The File > Open Recent menu: the last opened files, kept in QSettings ("recentFiles").
#include <QObject>
#include <QStringList>

class QMenu;

namespace rps {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    void add(const QString& path);
    QStringList files() const;
    static constexpr int kMaxFiles = 10;

Q_SIGNALS:
    void openRequested(QString path);

private:
    void rebuildMenu();
    QMenu* menu_;
};

}  // namespace rps
