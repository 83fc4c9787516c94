#include "LineTransport.h"

namespace Outpost {

LineTransport::LineTransport(QObject *parent)
    : QObject(parent)
{}

LineTransport::~LineTransport() = default;

} // namespace Outpost
