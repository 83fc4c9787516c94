#pragma once

#include "store/StoreError.h"
#include "usecases/ComposeMessage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace Outpost {

/// Messages kept to finish later: one JSON file per draft in the profile's drafts/ folder,
/// each written atomically (a draft saved again replaces its file whole or not at all). A
/// file that cannot be read is reported, never changed or removed.
class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(DraftStore)

public:
    /// One draft as listed.
    struct Entry
    {
        QString path;
        QString subject;
        QDateTime modified;
        StoreError error; ///< set when the file cannot be read (damaged); the file is kept
    };

    /// The drafts of the profile in @p profileDirectory.
    explicit DraftStore(const QString &profileDirectory);

    QString directory() const { return m_directory; }
    /// The drafts, newest first, damaged ones included (with their error).
    QList<Entry> list() const;
    /// Reads the draft in @p path; nothing with @p error when it cannot be read.
    [[nodiscard]] std::optional<ComposeContent> load(const QString &path,
                                                     StoreError *error = nullptr) const;
    /// Writes @p content to @p path, or to a new file in the folder when @p path is empty;
    /// returns the path. On failure the old file is untouched.
    [[nodiscard]] std::optional<QString>
    save(const ComposeContent &content, const QString &path = {}, StoreError *error = nullptr);
    /// Removes the draft in @p path (a draft that was sent or discarded).
    [[nodiscard]] bool remove(const QString &path, StoreError *error = nullptr);

private:
    QString m_directory;
};

} // namespace Outpost
