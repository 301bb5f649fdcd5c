package com.example.orders;

public class OrderHandler {
    public Receipt handle(Order order) {
        int count = 0;
        double total = 0;
        for (Order.Item item : order.getItems()) {
            count += item.getQuantity();
            total += item.getQuantity() * item.getUnitPrice();
        }
        return new Receipt(order.getOrderId(), count, total);
    }
}
