// A stable insertion sort, for ranges that are short or nearly sorted already (a day's
// working intervals, a handful of SLA policies, a zone's transitions listed year by year, an
// incident's status changes): as fast as std::sort there, without its several kilobytes of
// code per comparator in the web build.
#pragma once

#include <algorithm>

namespace hotline {

template <typename It, typename Less>
void insertion_sort(It first, It last, Less less) {
    for (It i = first; i != last; ++i)
        for (It j = i; j != first && less(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
}

}  // namespace hotline
