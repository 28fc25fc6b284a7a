package org.leukemia.ear;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap of a JVM over a stretch of work, read through its platform MXBeans: the peak of
 * each heap pool (their sum bounds the peak heap from above, young generation included) and
 * the highest heap left after a garbage collection (what the work kept alive).
 */
final class HeapWatch implements AutoCloseable {

    private final MBeanServerConnection server;
    private final JMXConnector connector;
    private final List<MemoryPoolMXBean> heapPools;
    private final List<ObjectName> collectors;
    private final AtomicLong highestAfterCollection = new AtomicLong();
    private final NotificationListener listener = this::collected;

    private HeapWatch(MBeanServerConnection server, JMXConnector connector) throws IOException {
        this.server = server;
        this.connector = connector;
        this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class)
                .stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        this.collectors = ManagementFactory.getPlatformMXBeans(server,
                GarbageCollectorMXBean.class).stream().map(GarbageCollectorMXBean::getObjectName)
                .toList();
        for (ObjectName collector : collectors) {
            try {
                server.addNotificationListener(collector, listener, null, null);
            } catch (javax.management.InstanceNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Watches this JVM. */
    static HeapWatch local() throws IOException {
        return new HeapWatch(ManagementFactory.getPlatformMBeanServer(), null);
    }

    /** Watches another JVM of this machine, through its local management agent. */
    static HeapWatch attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            String address = vm.startLocalManagementAgent();
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new HeapWatch(connector.getMBeanServerConnection(), connector);
        } finally {
            vm.detach();
        }
    }

    /** Starts a new stretch: forgets the peaks seen so far. */
    void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        highestAfterCollection.set(0);
    }

    /** @return the sum of the heap pools' peaks since {@link #reset()}, in bytes */
    long peakUsed() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** @return the most heap in use right after a collection since {@link #reset()} */
    long highestAfterCollection() {
        return highestAfterCollection.get();
    }

    /** @return the heap's maximum size (-Xmx), in bytes */
    long maxHeap() throws IOException {
        return ManagementFactory.getPlatformMXBean(server,
                java.lang.management.MemoryMXBean.class).getHeapMemoryUsage().getMax();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                .equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long after = heapPools.stream().map(MemoryPoolMXBean::getName)
                .map(info.getGcInfo().getMemoryUsageAfterGc()::get)
                .filter(java.util.Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
        highestAfterCollection.accumulateAndGet(after, Math::max);
    }

    @Override
    public void close() throws IOException {
        for (ObjectName collector : collectors) {
            try {
                server.removeNotificationListener(collector, listener);
            } catch (javax.management.JMException e) {
                // the JVM is going away
            }
        }
        if (connector != null) {
            connector.close();
        }
    }
}
